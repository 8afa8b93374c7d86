import { loadGameData, type CharacterCreation } from "@bezgelor/data";
import { describe, expect, it } from "vitest";
import { checkCharacterCreation } from "./creation";

const creation = (id: number, race: number, klass: number, sex: number, factionId: number): CharacterCreation => ({ id, race, class: klass, sex, factionId });
const TABLE = [creation(1, 1, 1, 0, 167), creation(2, 1, 7, 0, 167), creation(3, 4, 3, 0, 167), creation(4, 12, 2, 0, 166)];

describe("checkCharacterCreation", () => {
  it("takes exactly a choice of the creation screen, naming it", () => {
    expect(checkCharacterCreation(TABLE, { race: 4, class: 3, sex: 0, faction: 167 })).toEqual({ ok: true, creation: TABLE[2] });
  });

  it("refuses anything else, offering the race's choices in the faction, else the faction's, else all", () => {
    expect(checkCharacterCreation(TABLE, { race: 1, class: 3, sex: 0, faction: 167 })).toEqual({
      ok: false,
      reason: "not_offered",
      offered: [TABLE[0], TABLE[1]],
    });
    expect(checkCharacterCreation(TABLE, { race: 1, class: 1, sex: 1, faction: 167 })).toMatchObject({ ok: false, offered: [TABLE[0], TABLE[1]] });
    expect(checkCharacterCreation(TABLE, { race: 12, class: 2, sex: 0, faction: 167 })).toEqual({
      ok: false,
      reason: "not_offered",
      offered: TABLE.slice(0, 3),
    });
    expect(checkCharacterCreation(TABLE, { race: 1, class: 1, sex: 0, faction: 999 })).toEqual({ ok: false, reason: "not_offered", offered: TABLE });
  });

  it("on the shipped data: the tester's aurin warrior, chua warrior exile and mordesh esper dominion are refused; every listed choice is taken", async () => {
    const creations = (await loadGameData()).characterCreations.all();
    expect(creations).toHaveLength(24);
    for (const c of creations) expect(checkCharacterCreation(creations, { ...c, faction: c.factionId }).ok).toBe(true);
    expect(checkCharacterCreation(creations, { race: 4, class: 1, sex: 0, faction: 167 }).ok).toBe(false);
    expect(checkCharacterCreation(creations, { race: 13, class: 1, sex: 0, faction: 167 }).ok).toBe(false);
    expect(checkCharacterCreation(creations, { race: 16, class: 3, sex: 1, faction: 166 }).ok).toBe(false);
  });
});
