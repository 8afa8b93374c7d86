// Test-only helpers (not exported from index.ts): tiny valid raw tables for builder tests.
import type { GameDataInput } from "./files";

/** A minimal scale: hated < -10 <= unfriendly < 0 <= neutral < 10 <= friendly, clamp -100..100. */
export const tinyScale = {
  id: "tiny",
  minStanding: -100,
  maxStanding: 100,
  levels: [
    { name: "hated", label: "Hated", minStanding: -100, discountPercent: 0, canBuy: false, canInteract: false },
    { name: "unfriendly", label: "Unfriendly", minStanding: -10, discountPercent: 0, canBuy: false, canInteract: true },
    { name: "neutral", label: "Neutral", minStanding: 0, discountPercent: 0, canBuy: true, canInteract: true },
    { name: "friendly", label: "Friendly", minStanding: 10, discountPercent: 5, canBuy: true, canInteract: true },
  ],
};

/** A small, fully cross-referenced raw dataset; tests spread and override parts of it. */
export function tinyInput(): GameDataInput & Required<Pick<GameDataInput, "titles" | "vendors" | "quests">> {
  return {
    factions: [
      { id: 1, name: "Alpha" },
      { id: 2, name: "Beta" },
    ],
    reputationScales: [tinyScale],
    items: [{ id: 10, name: "Thing", kind: "misc" }],
    achievements: [{ id: 20, name: "Did it" }],
    quests: [{ id: 30, name: "Do it", level: 1, rewards: { gold: 5, reputation: [{ factionId: 1, amount: 5 }] } }],
    paths: [{ id: "explorer", pathId: 3, name: "Explorer", maxLevel: 30 }],
    creatures: [{ id: 40, name: "Foe", level: 1, rewards: { xp: 1, reputation: [{ factionId: 2, amount: -1 }] } }],
    vendors: [{ id: 50, name: "Shop", requiredReputation: { factionId: 1, level: "friendly" }, items: [{ itemId: 10, price: 1000 }] }],
    titles: [
      { id: 1, name: "Pal", category: "reputation", rarity: "common", unlock: { type: "reputation", factionId: 1, level: "friendly" } },
      { id: 2, name: "Doer", category: "quest", rarity: "common", unlock: { type: "quest", questId: 30 } },
    ],
  };
}
