import type { ReputationScale } from "@bezgelor/data";
import { beforeAll, describe, expect, it } from "vitest";
import { CORE_ERROR_CODE, applyStandingChange, reputationLevel } from "../index";
import { seededRandom, shippedScales } from "../test-support";

let scales: Record<"classic" | "wildstar", ReputationScale>;
beforeAll(async () => {
  scales = await shippedScales();
});

describe("applyStandingChange", () => {
  it("crosses into friendly: 2900 + 250 = 3150", () => {
    const change = applyStandingChange(scales.classic, 2900, 250);
    expect(change).toMatchObject({ standing: 3150, applied: 250, changed: true });
    expect([change.oldLevel.name, change.newLevel.name]).toEqual(["neutral", "friendly"]);
  });

  it("reports no level change inside a level", () => {
    const change = applyStandingChange(scales.classic, 0, 25);
    expect(change).toMatchObject({ standing: 25, applied: 25, changed: false });
  });

  it("can drop several levels at once", () => {
    const change = applyStandingChange(scales.classic, 3000, -50000);
    expect(change).toMatchObject({ standing: -42000, applied: -45000, changed: true });
    expect([change.oldLevel.name, change.newLevel.name]).toEqual(["friendly", "hated"]);
  });

  it("clamps at both ends and reports what was actually applied", () => {
    expect(applyStandingChange(scales.classic, 42990, 100)).toMatchObject({ standing: 42999, applied: 9, changed: false });
    expect(applyStandingChange(scales.classic, 42999, 1)).toMatchObject({ standing: 42999, applied: 0, changed: false });
    expect(applyStandingChange(scales.classic, -42000, -1)).toMatchObject({ standing: -42000, applied: 0, changed: false });
    expect(applyStandingChange(scales.wildstar, 63000, 5000)).toMatchObject({ standing: 63999, applied: 999 });
  });

  it("brings a standing stored under a wider scale into bounds first", () => {
    const change = applyStandingChange(scales.classic, 60000, -10);
    expect(change).toMatchObject({ standing: 42989, applied: -10, changed: false });
    expect(change.oldLevel.name).toBe("exalted");
  });

  it("throws INVALID_STANDING for a fractional delta or standing", () => {
    expect(() => applyStandingChange(scales.classic, 0, 0.5)).toThrow(expect.objectContaining({ code: CORE_ERROR_CODE.INVALID_STANDING }));
    expect(() => applyStandingChange(scales.classic, Number.NaN, 1)).toThrow(expect.objectContaining({ code: CORE_ERROR_CODE.INVALID_STANDING }));
  });
});

describe("property: no sequence of changes leaves the bounds", () => {
  it.each(["classic", "wildstar"] as const)("holds for 300 seeded random sequences on %s", (name) => {
    const scale = scales[name];
    const span = scale.maxStanding - scale.minStanding;
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed);
      let standing = 0;
      for (let step = 0; step < 200; step++) {
        // Mix small steps, level-sized jumps and jumps far past either bound.
        const magnitude = [50, 5000, span * 3][Math.floor(random() * 3)] ?? 50;
        const delta = Math.round((random() * 2 - 1) * magnitude);
        const change = applyStandingChange(scale, standing, delta);
        const broken =
          change.standing < scale.minStanding ||
          change.standing > scale.maxStanding ||
          change.applied !== change.standing - standing ||
          change.newLevel !== reputationLevel(scale, change.standing) ||
          change.standing < change.newLevel.minStanding ||
          change.standing > change.newLevel.maxStanding ||
          change.changed !== (change.oldLevel !== change.newLevel);
        // Assert only on a violation: 60,000 expect() calls would dominate the suite's run time.
        if (broken) expect({ seed, step, standing, delta, change }).toBe("within bounds with a matching level");
        standing = change.standing;
      }
    }
  });
});
