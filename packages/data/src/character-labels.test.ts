import { describe, expect, it } from "vitest";
import { characterChoiceLabel, classLabel, factionLabel, raceLabel, sexLabel } from "./character-labels";
import { Table } from "./table";

const factions = new Table("faction", "factions.json", new Map([[167, { id: 167, name: "Exiles", description: "" }]]));

describe("character labels", () => {
  it("names race, class, sex and faction from the definitions, keeping the id", () => {
    expect([raceLabel(16), classLabel(5), sexLabel(1), factionLabel(factions, 167)]).toEqual([
      "Mordesh (race 16)",
      "Stalker (class 5)",
      "Female (sex 1)",
      "Exiles (faction 167)",
    ]);
    expect(characterChoiceLabel(factions, { race: 3, class: 7, sex: 0, faction: 167 })).toBe(
      "Granok (race 3), Spellslinger (class 7), Male (sex 0), Exiles (faction 167)",
    );
  });

  it("says only the id of one the definitions do not have", () => {
    expect(characterChoiceLabel(factions, { race: 2, class: 6, sex: 9, faction: 1 })).toBe("race 2, class 6, sex 9, faction 1");
  });
});
