import { readdir } from "node:fs/promises";
import { beforeAll, describe, expect, it } from "vitest";
import {
  DEFAULT_REPUTATION_SCALE,
  FLAIR_POSITION,
  MAX_PET_LEVEL,
  MOUNT_TYPE,
  GAME_DATA_TABLES,
  MAX_WIRE_ID_14,
  TITLE_UNLOCK_TYPE,
  defaultGameDataDir,
  loadGameData,
  selectReputationScale,
  type GameData,
} from "./index";

let data: GameData;
beforeAll(async () => {
  data = await loadGameData();
});

describe("the shipped dataset", () => {
  it("has exactly the files the loader reads", async () => {
    const files = (await readdir(defaultGameDataDir())).filter((f) => f.endsWith(".json")).sort();
    const expected = [...new Set(Object.values(GAME_DATA_TABLES).map((t) => t.file))].sort();
    expect(files).toEqual(expected);
  });

  it("holds the seeds' examples", () => {
    // WildStar's own ids (NexusForever Faction enum): 166 is the Dominion, 167 the Exiles.
    expect(data.factions.require(166).name).toBe("Dominion");
    expect(data.factions.require(167).name).toBe("Exiles");
    expect(data.creatures.require(12345).rewards.reputation).toEqual([
      { factionId: 166, amount: 25 },
      { factionId: 167, amount: -10 },
    ]);
    const quest = data.quests.require(5001);
    expect(quest.name).toBe("Defend the Settlement");
    expect(quest.rewards.reputation).toEqual([{ factionId: 166, amount: 250 }]);
    expect(quest.rewards.gold).toBeGreaterThan(0n);
    expect(data.quests.has(7500)).toBe(true);
    expect(data.vendors.require(8001).requiredReputation).toEqual({ factionId: 166, level: "friendly" });
    expect(data.vendors.require(8001).items[0]).toEqual({ itemId: 30001, price: 1000n });
    expect(data.vendors.all().some((v) => v.requiredReputation === undefined)).toBe(true);
    expect(data.achievements.has(500)).toBe(true);
    expect(data.paths.all().map((p) => p.id)).toEqual(["soldier", "settler", "scientist", "explorer"]);
    expect(data.mounts.require(1001)).toMatchObject({ name: "Woolie", type: "ground", speed: 1.5, dyeChannels: 3 });
    expect(data.mounts.all().some((m) => m.type === "hoverboard" && m.tricks.length > 0)).toBe(true);
    expect(data.pets.require(2001)).toMatchObject({
      name: "Rowsdower Pup",
      baseDamage: 10,
      attackInterval: 2,
      attack: { spell4Id: 30101, effectId: 40101, range: 8 },
    });
    expect(data.pets.all().every((p) => p.levelCurve.length === MAX_PET_LEVEL)).toBe(true);
    expect(data.mounts.require(1101).upgrades.map((u) => u.id)).toEqual(["speed_1", "speed_2", "boost"]);
    for (const mount of data.mounts.all()) expect(data.items.require(mount.abilityItemId).kind).toBe("ability");
    for (const type of MOUNT_TYPE)
      for (const position of FLAIR_POSITION) expect(data.flair.all().some((f) => f.mountType === type && f.position === position)).toBe(true);
    expect(data.vanityPets.require(3001)).toMatchObject({ name: "Pocket Pell", spellId: 62001 });
    expect(data.storeOffers.require(101).grants).toEqual([{ kind: "mount", mountId: 1001 }]);
  });

  it("holds the seed's titles and one title of every unlock type", () => {
    expect(data.titles.require(1001).unlock).toEqual({ type: "reputation", factionId: 166, level: "exalted" });
    expect(data.titles.require(1002).unlock).toEqual({ type: "reputation", factionId: 167, level: "hated" });
    expect(data.titles.require(2001).unlock).toEqual({ type: "achievement", achievementId: 500 });
    expect(data.titles.require(3001).unlock).toEqual({ type: "quest", questId: 7500 });
    expect(data.titles.require(4001).unlock).toEqual({ type: "path", path: "explorer", level: 30 });
    expect(data.titles.byFaction(166).map((t) => t.unlock)).toContainEqual({ type: "reputation", factionId: 166, level: "friendly" });
    for (const type of Object.values(TITLE_UNLOCK_TYPE)) expect(data.titles.byUnlockType(type).length).toBeGreaterThan(0);
    const event = data.titles.byUnlockType("event")[0];
    expect(event?.durationSeconds).toBeGreaterThan(0);
  });

  it("keeps title and faction ids inside the 14-bit wire fields", () => {
    for (const title of data.titles.all()) expect(title.id).toBeLessThanOrEqual(MAX_WIRE_ID_14);
    for (const faction of data.factions.all()) expect(faction.id).toBeLessThanOrEqual(MAX_WIRE_ID_14);
  });

  it("ships the classic scale as the default with the seed's numbers", () => {
    const scale = selectReputationScale(data);
    expect(scale.id).toBe(DEFAULT_REPUTATION_SCALE);
    expect([scale.minStanding, scale.maxStanding]).toEqual([-42000, 42999]);
    expect(scale.levels.map((l) => [l.name, l.minStanding, l.discountPercent, l.canBuy, l.canInteract])).toEqual([
      ["hated", -42000, 0, false, false],
      ["hostile", -6000, 0, false, false],
      ["unfriendly", -3000, 0, false, true],
      ["neutral", 0, 0, true, true],
      ["friendly", 3000, 5, true, true],
      ["honored", 9000, 10, true, true],
      ["revered", 21000, 15, true, true],
      ["exalted", 42000, 20, true, true],
    ]);
  });

  it("ships WildStar's eleven levels with NexusForever's thresholds", () => {
    const scale = selectReputationScale(data, "wildstar");
    expect(scale.levels.map((l) => [l.name, l.minStanding])).toEqual([
      ["reviled", -32000],
      ["hated", -16000],
      ["shunned", -8000],
      ["disliked", -4000],
      ["wary", -2000],
      ["neutral", 0],
      ["liked", 2000],
      ["accepted", 4000],
      ["popular", 8000],
      ["esteemed", 16000],
      ["beloved", 32000],
    ]);
    expect(scale.neutral.name).toBe("neutral");
    expect(scale.levelsByName.get("exalted")?.name).toBe("beloved");
    expect(scale.levelsByName.get("hated")?.name).toBe("hated");
  });

  it("derives each level's direction from the neutral level", () => {
    const scale = selectReputationScale(data);
    expect(scale.levels.map((l) => l.direction)).toEqual(["negative", "negative", "negative", "neutral", "positive", "positive", "positive", "positive"]);
    expect(scale.levels.map((l) => l.maxStanding)).toEqual([-6001, -3001, -1, 2999, 8999, 20999, 41999, 42999]);
  });

  it("rejects an unknown scale name", () => {
    expect(() => selectReputationScale(data, "nope")).toThrow(/reputation-levels\.json: id nope: unknown reputation scale nope/);
  });
});
