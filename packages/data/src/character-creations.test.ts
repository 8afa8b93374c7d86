import { describe, expect, it } from "vitest";
import { buildGameData } from "./build-game-data";
import { loadGameData } from "./load-game-data";

const faction = { id: 166, name: "Dominion" };
const creation = { id: 7, race: 12, class: 4, sex: 1, factionId: 166, worldId: 870, zoneId: 1 };

describe("character creations", () => {
  it("ship choices for both factions, looked up by the id the client sends", async () => {
    const data = await loadGameData();
    const factions = new Set(data.characterCreations.all().map((c) => c.factionId));
    expect(factions).toEqual(new Set([166, 167]));
    expect(data.characterCreations.require(1)).toMatchObject({ factionId: 167, race: 1, class: 1, sex: 0 });
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
