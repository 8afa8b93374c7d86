import { beforeAll, expect, it } from "vitest";
import { loadGameData, type GameData } from "./index";

let data: GameData;
beforeAll(async () => {
  data = await loadGameData();
});

/** "Exiles" -> "exile", "Dominion" -> "dominion": the word an item named for the faction uses. */
const stem = (factionName: string) => factionName.toLowerCase().replace(/s$/, "");

// A quartermaster gated on one faction's reputation sells that faction's goods: no item it sells
// may be named or described for another faction (the sample data once had them swapped).
it("faction quartermasters in the shipped data sell only their own faction's items", () => {
  const factions = data.factions.all();
  const gated = data.vendors.all().filter((v) => v.requiredReputation);
  expect(gated.length).toBeGreaterThan(0);
  for (const vendor of gated) {
    const others = factions.filter((f) => f.id !== vendor.requiredReputation!.factionId).map((f) => stem(f.name));
    for (const { itemId } of vendor.items) {
      const item = data.items.require(itemId);
      const text = `${item.name} ${item.description}`.toLowerCase();
      for (const other of others) expect(text, `vendor ${vendor.id} (${vendor.name}) sells item ${itemId} (${item.name})`).not.toContain(other);
    }
  }
});
