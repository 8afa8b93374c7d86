import { describe, expect, it } from "vitest";
import { buildGameData } from "./build-game-data";
import { loadGameData } from "./load-game-data";

const factions = [{ id: 166, name: "Dominion" }];
const path = (levelRewards: unknown[]) => ({ id: "soldier", pathId: 0, name: "Soldier", maxLevel: 30, levelRewards });

describe("achievement and path reputation rewards", () => {
  it("ship with the sample data", async () => {
    const data = await loadGameData();
    expect(data.achievements.require(501).rewards.reputation).toEqual([{ factionId: 167, amount: 100 }]);
    expect(data.achievements.require(500).rewards.reputation).toEqual([]);
    expect(data.paths.require("soldier").levelRewards[0]).toMatchObject({ level: 10 });
  });

  it("refuse an unknown faction, naming file, entry and field", () => {
    const achievements = [{ id: 9, name: "A", rewards: { reputation: [{ factionId: 999, amount: 5 }] } }];
    expect(() => buildGameData({ factions, achievements })).toThrow(
      expect.objectContaining({ code: "UNKNOWN_REFERENCE", details: { file: "achievements.json", id: 9, path: "rewards.reputation[0].factionId" } }),
    );
  });

  it("refuse a path reward above the path's last level, or the same level twice", () => {
    const reward = (level: number) => ({ level, reputation: [{ factionId: 166, amount: 5 }] });
    expect(() => buildGameData({ factions, paths: [path([reward(31)])] })).toThrow(/above the path's maxLevel/);
    expect(() => buildGameData({ factions, paths: [path([reward(5), reward(5)])] })).toThrow(/rewarded twice/);
  });
});
