import type { ReputationScale } from "@bezgelor/data";
import { beforeAll, describe, expect, it } from "vitest";
import { CORE_ERROR_CODE, meetsRequirement } from "../index";
import { shippedScales } from "../test-support";

let scales: Record<"classic" | "wildstar", ReputationScale>;
beforeAll(async () => {
  scales = await shippedScales();
});

describe("meetsRequirement (classic)", () => {
  const met = (standing: number, level: string) => meetsRequirement(scales.classic, standing, level);

  it("meets a positive level at it and above, not below", () => {
    expect(met(2999, "friendly")).toBe(false);
    expect(met(3000, "friendly")).toBe(true);
    expect(met(42999, "friendly")).toBe(true);
    expect(met(41999, "exalted")).toBe(false);
    expect(met(42000, "exalted")).toBe(true);
  });

  it("meets a negative level at it and below, not above", () => {
    expect(met(-6000, "hated")).toBe(false);
    expect(met(-6001, "hated")).toBe(true);
    expect(met(-42000, "hated")).toBe(true);
    expect(met(-3001, "unfriendly")).toBe(true);
    expect(met(-3000, "unfriendly")).toBe(true);
    expect(met(-42000, "unfriendly")).toBe(true);
    expect(met(-1, "unfriendly")).toBe(true);
    expect(met(0, "unfriendly")).toBe(false);
    expect(met(-6000, "hostile")).toBe(true);
    expect(met(-3001, "hostile")).toBe(true);
    expect(met(-3000, "hostile")).toBe(false);
  });

  it("meets neutral at neutral and above (not on bad terms)", () => {
    expect(met(-1, "neutral")).toBe(false);
    expect(met(0, "neutral")).toBe(true);
    expect(met(42999, "neutral")).toBe(true);
  });

  it("agrees with the level order for every pair of levels", () => {
    const scale = scales.classic;
    for (const required of scale.levels) {
      for (const current of scale.levels) {
        const expected = required.direction === "negative" ? current.index <= required.index : current.index >= required.index;
        expect(meetsRequirement(scale, current.minStanding, required.name)).toBe(expected);
        expect(meetsRequirement(scale, current.maxStanding, required.name)).toBe(expected);
      }
    }
  });
});

describe("meetsRequirement (wildstar)", () => {
  const met = (standing: number, level: string) => meetsRequirement(scales.wildstar, standing, level);

  it("uses the genuine thresholds in both directions", () => {
    expect(met(1999, "liked")).toBe(false);
    expect(met(2000, "liked")).toBe(true);
    expect(met(31999, "beloved")).toBe(false);
    expect(met(32000, "beloved")).toBe(true);
    expect(met(-16000, "reviled")).toBe(false);
    expect(met(-16001, "reviled")).toBe(true);
    expect(met(-1, "wary")).toBe(true);
    expect(met(0, "wary")).toBe(false);
  });

  it("reads classic names through the scale's aliases", () => {
    expect(met(1999, "friendly")).toBe(false);
    expect(met(2000, "friendly")).toBe(true);
    expect(met(32000, "exalted")).toBe(true);
    expect(met(-8000, "hostile")).toBe(true);
    expect(met(-4001, "hostile")).toBe(true);
    expect(met(-4000, "hostile")).toBe(false);
  });

  it("throws UNKNOWN_LEVEL for a level neither named nor aliased", () => {
    expect(() => met(0, "honoured")).toThrow(expect.objectContaining({ code: CORE_ERROR_CODE.UNKNOWN_LEVEL }));
  });
});
