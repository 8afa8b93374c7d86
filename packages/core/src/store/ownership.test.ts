import { expect, it } from "vitest";
import { planGrants } from "./ownership";

it("splits a bundle into what is missing and what is owned", () => {
  const grants = [
    { kind: "mount" as const, mountId: 1 },
    { kind: "pet" as const, petId: 2 },
    { kind: "title" as const, titleId: 3 },
    { kind: "item" as const, itemId: 4, count: 1 },
  ];
  const plan = planGrants(grants, { mounts: new Set([1]), pets: new Set(), titles: new Set([3]) });
  expect(plan.missing).toEqual([grants[1], grants[3]]);
  expect(plan.owned).toEqual([grants[0], grants[2]]);
  expect(planGrants([grants[0]!], { mounts: new Set([1]), pets: new Set(), titles: new Set() }).missing).toEqual([]);
});
