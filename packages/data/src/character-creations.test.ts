import { describe, expect, it } from "vitest";
import { buildGameData } from "./build-game-data";
import { loadGameData } from "./load-game-data";

const faction = { id: 166, name: "Dominion" };
const creation = { id: 7, race: 12, class: 4, sex: 1, factionId: 166 };
const start = { id: 1, factionId: 166, race: 12, worldId: 1387, position: { x: -3835.341, y: -980.2174, z: -6050.524 }, yaw: -0.45682 };

describe("character creations", () => {
  it("ship choices for both factions, looked up by the id the client sends", async () => {
    const data = await loadGameData();
    const factions = new Set(data.characterCreations.all().map((c) => c.factionId));
    expect(factions).toEqual(new Set([166, 167]));
    expect(data.characterCreations.require(1)).toMatchObject({ factionId: 167, race: 1, class: 1, sex: 0 });
  });

  it("start each race of each faction where NexusForever starts it on Nexus", async () => {
    const data = await loadGameData();
    for (const c of data.characterCreations.all()) expect(data.startLocations.for(c.race, c.factionId)?.race).toBe(c.race);
    expect(data.startLocations.for(1, 167)).toMatchObject({ worldId: 426, position: { x: 4110.71, y: -658.6249, z: -5145.48 } });
    expect(data.startLocations.for(12, 166)).toMatchObject({ worldId: 1387, yaw: -0.45682 });
    expect(data.startLocations.for(13, 166)?.worldId).toBe(870);
    expect(data.startLocations.for(16, 167)?.worldId).toBe(990);
    // A race the faction has no entry for (the CLI allows any) starts at the faction's first.
    expect(data.startLocations.for(13, 167)?.worldId).toBe(426);
    expect(data.startLocations.for(1, 999)).toBeUndefined();
  });

  it("refuse a choice whose race and faction have no start location", () => {
    expect(() => buildGameData({ factions: [faction], startLocations: [{ ...start, race: 13 }], characterCreations: [creation] })).toThrow(
      /no start location for race 12 of faction 166/,
    );
    expect(buildGameData({ factions: [faction], startLocations: [start], characterCreations: [creation] }).characterCreations.size).toBe(1);
  });

  it("refuse a start location outside the world", () => {
    expect(() => buildGameData({ factions: [faction], startLocations: [{ ...start, position: { x: 40000, y: 0, z: 0 } }] })).toThrow(/position\.x/);
  });

  it("refuse an unknown faction, naming file, id and field", () => {
    expect(() => buildGameData({ factions: [faction], characterCreations: [{ ...creation, factionId: 999 }] })).toThrow(
      /character-creations\.json.*7.*factionId|unknown faction 999/,
    );
  });

  it("refuse a race the client does not have", () => {
    expect(() => buildGameData({ factions: [faction], characterCreations: [{ ...creation, race: 2 }] })).toThrow(/race/);
  });
});
