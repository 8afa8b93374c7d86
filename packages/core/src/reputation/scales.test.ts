import type { ReputationScale } from "@bezgelor/data";
import { beforeAll, describe, expect, it } from "vitest";
import { CORE_ERROR_CODE, canBuy, canInteract, clampStanding, reputationLevel, reputationLevelByName, vendorDiscountPercent } from "../index";
import { shippedScales } from "../test-support";

// [name, minStanding, discount %, canBuy, canInteract], lowest first, as the issue and economy-anchors give them.
type Row = readonly [string, number, number, boolean, boolean];
const CLASSIC: { bounds: [number, number]; rows: readonly Row[] } = {
  bounds: [-42000, 42999],
  rows: [
    ["hated", -42000, 0, false, false],
    ["hostile", -6000, 0, false, false],
    ["unfriendly", -3000, 0, false, true],
    ["neutral", 0, 0, true, true],
    ["friendly", 3000, 5, true, true],
    ["honored", 9000, 10, true, true],
    ["revered", 21000, 15, true, true],
    ["exalted", 42000, 20, true, true],
  ],
};
const WILDSTAR: { bounds: [number, number]; rows: readonly Row[] } = {
  bounds: [-32000, 63999],
  rows: [
    ["reviled", -32000, 0, false, false],
    ["hated", -16000, 0, false, false],
    ["shunned", -8000, 0, false, false],
    ["disliked", -4000, 0, false, true],
    ["wary", -2000, 0, false, true],
    ["neutral", 0, 0, true, true],
    ["liked", 2000, 2, true, true],
    ["accepted", 4000, 5, true, true],
    ["popular", 8000, 10, true, true],
    ["esteemed", 16000, 15, true, true],
    ["beloved", 32000, 20, true, true],
  ],
};

let scales: Record<"classic" | "wildstar", ReputationScale>;
beforeAll(async () => {
  scales = await shippedScales();
});

describe.each([
  ["classic", CLASSIC],
  ["wildstar", WILDSTAR],
] as const)("the %s scale", (scaleName, expected) => {
  const scale = () => scales[scaleName];
  const [min, max] = expected.bounds;
  const levelAt = (standing: number) => reputationLevel(scale(), standing).name;

  describe.each(expected.rows.map((row, i) => [row[0], row, i] as const))("level %s", (name, row, i) => {
    const [, threshold, discount, buy, interact] = row;
    const below = i === 0 ? name : (expected.rows[i - 1]?.[0] ?? "");

    it(`starts exactly at ${threshold}`, () => {
      expect(levelAt(threshold)).toBe(name);
      expect(levelAt(threshold + 1)).toBe(name);
      // One below the lowest threshold is below the clamp, which still reads as the lowest level.
      expect(levelAt(threshold - 1)).toBe(below);
    });

    it(`gives ${discount}% off, canBuy ${buy}, canInteract ${interact}`, () => {
      expect(vendorDiscountPercent(scale(), threshold)).toBe(discount);
      expect(canBuy(scale(), threshold)).toBe(buy);
      expect(canInteract(scale(), threshold)).toBe(interact);
      expect(reputationLevelByName(scale(), name).index).toBe(i);
    });
  });

  it(`clamps to ${min}..${max}`, () => {
    expect(clampStanding(scale(), min - 1)).toBe(min);
    expect(clampStanding(scale(), min)).toBe(min);
    expect(clampStanding(scale(), min + 1)).toBe(min + 1);
    expect(clampStanding(scale(), max - 1)).toBe(max - 1);
    expect(clampStanding(scale(), max)).toBe(max);
    expect(clampStanding(scale(), max + 1)).toBe(max);
    expect(clampStanding(scale(), Number.MAX_SAFE_INTEGER)).toBe(max);
    expect(clampStanding(scale(), Number.MIN_SAFE_INTEGER)).toBe(min);
    expect(clampStanding(scale(), 0)).toBe(0);
  });

  it("makes the top level a band up to the clamp and reads out-of-range standings as clamped", () => {
    const top = expected.rows.at(-1)?.[0];
    expect(levelAt(max)).toBe(top);
    expect(levelAt(max + 1)).toBe(top);
    expect(levelAt(min - 1_000_000)).toBe(expected.rows[0]?.[0]);
  });

  it("places 0 in neutral", () => {
    expect(levelAt(0)).toBe("neutral");
    expect(scale().neutral.name).toBe("neutral");
  });
});

describe("misuse", () => {
  it.each([Number.NaN, 1.5, Number.POSITIVE_INFINITY, 2 ** 60])("throws INVALID_STANDING for %s", (standing) => {
    expect(() => reputationLevel(scales.classic, standing)).toThrow(expect.objectContaining({ code: CORE_ERROR_CODE.INVALID_STANDING }));
    expect(() => clampStanding(scales.classic, standing)).toThrow(expect.objectContaining({ name: "CoreError" }));
  });

  it("throws UNKNOWN_LEVEL for a name the scale lacks", () => {
    expect(() => reputationLevelByName(scales.classic, "beloved")).toThrow(expect.objectContaining({ code: CORE_ERROR_CODE.UNKNOWN_LEVEL }));
  });
});
