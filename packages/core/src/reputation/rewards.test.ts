import { pathSchema, type ReputationScale } from "@bezgelor/data";
import { beforeAll, describe, expect, it } from "vitest";
import { CORE_ERROR_CODE, levelChange, pathLevelRewards, pathRewardLevels, reputationDeltas, standingBounds } from "../index";
import { shippedScales } from "../test-support";

let scales: Record<"classic" | "wildstar", ReputationScale>;
beforeAll(async () => {
  scales = await shippedScales();
});

describe("reputationDeltas", () => {
  it("maps each data reward to a delta, in order, repeats kept", () => {
    const rewards = [
      { factionId: 166, amount: 25 },
      { factionId: 167, amount: -10 },
      { factionId: 166, amount: 5 },
    ];
    expect(reputationDeltas(rewards)).toEqual([
      { factionId: 166, delta: 25 },
      { factionId: 167, delta: -10 },
      { factionId: 166, delta: 5 },
    ]);
    expect(reputationDeltas([])).toEqual([]);
  });
});

describe("pathLevelRewards", () => {
  const path = pathSchema.parse({
    id: "soldier",
    pathId: 0,
    name: "Soldier",
    maxLevel: 30,
    levelRewards: [
      { level: 20, reputation: [{ factionId: 167, amount: 7 }] },
      {
        level: 10,
        reputation: [
          { factionId: 166, amount: 150 },
          { factionId: 167, amount: 150 },
        ],
      },
    ],
  });

  it("lists the rewarded levels passed on the way up, lowest first", () => {
    expect(pathRewardLevels(path, 0, 30)).toEqual([10, 20]);
  });

  it("counts the level reached but not the level left", () => {
    expect(pathRewardLevels(path, 9, 10)).toEqual([10]);
    expect(pathRewardLevels(path, 10, 19)).toEqual([]);
    expect(pathRewardLevels(path, 10, 20)).toEqual([20]);
  });

  it("passes no level when the level stays or goes down", () => {
    expect(pathRewardLevels(path, 12, 12)).toEqual([]);
    expect(pathRewardLevels(path, 30, 0)).toEqual([]);
  });

  it("grants the rewards of the given levels, lowest level first, nothing for a level without one", () => {
    expect(pathLevelRewards(path, [20, 10])).toEqual([
      { factionId: 166, delta: 150 },
      { factionId: 167, delta: 150 },
      { factionId: 167, delta: 7 },
    ]);
    expect(pathLevelRewards(path, [20])).toEqual([{ factionId: 167, delta: 7 }]);
    expect(pathLevelRewards(path, [15])).toEqual([]);
    expect(pathLevelRewards(path, [])).toEqual([]);
  });
});

describe("standingBounds and levelChange", () => {
  it("bounds are the scale's clamp, from the data", () => {
    expect(standingBounds(scales.classic)).toEqual({ min: -42000, max: 42999 });
    expect(standingBounds(scales.wildstar)).toEqual({ min: scales.wildstar.minStanding, max: scales.wildstar.maxStanding });
  });

  it("names both levels and says whether the level changed", () => {
    const crossed = levelChange(scales.classic, 2900, 3150);
    expect([crossed.levelBefore.name, crossed.levelAfter.name, crossed.changed]).toEqual(["neutral", "friendly", true]);
    const inside = levelChange(scales.classic, 0, 25);
    expect([inside.levelBefore.name, inside.levelAfter.name, inside.changed]).toEqual(["neutral", "neutral", false]);
  });

  it("reads standings outside the scale as clamped and refuses unsafe numbers", () => {
    expect(levelChange(scales.classic, -99999, 99999).levelAfter.name).toBe("exalted");
    expect(() => levelChange(scales.classic, 0, 0.5)).toThrow(expect.objectContaining({ code: CORE_ERROR_CODE.INVALID_STANDING }));
  });
});
