// Test-only helpers (not exported from index.ts).
import { buildGameData, loadGameData, type GameData, type ReputationScale } from "@bezgelor/data";

/** The shipped scales, so the rule tests also pin the shipped numbers. */
export async function shippedScales(): Promise<{ classic: ReputationScale; wildstar: ReputationScale }> {
  const data = await loadGameData();
  return { classic: data.reputationScales.require("classic"), wildstar: data.reputationScales.require("wildstar") };
}

/** A tiny scale: hated < -10 <= unfriendly < 0 <= neutral < 10 <= friendly < 50 <= exalted, clamp -100..99. */
const tinyScale = {
  id: "tiny",
  minStanding: -100,
  maxStanding: 99,
  levels: [
    { name: "hated", label: "Hated", minStanding: -100, discountPercent: 0, canBuy: false, canInteract: false },
    { name: "unfriendly", label: "Unfriendly", minStanding: -10, discountPercent: 0, canBuy: false, canInteract: true },
    { name: "neutral", label: "Neutral", minStanding: 0, discountPercent: 0, canBuy: true, canInteract: true },
    { name: "friendly", label: "Friendly", minStanding: 10, discountPercent: 5, canBuy: true, canInteract: true },
    { name: "exalted", label: "Exalted", minStanding: 50, discountPercent: 20, canBuy: true, canInteract: true },
  ],
};

const title = (id: number, category: string, unlock: object, extra: object = {}) => ({ id, name: `Title ${id}`, category, rarity: "rare", unlock, ...extra });

/** Tiny tables with one title of every unlock type, for title and vendor rule tests. */
export function tinyGameData(): { data: GameData; scale: ReputationScale } {
  const data = buildGameData({
    factions: [
      { id: 1, name: "Alpha" },
      { id: 2, name: "Beta" },
    ],
    reputationScales: [tinyScale],
    items: [{ id: 10, name: "Thing", kind: "misc" }],
    achievements: [
      { id: 20, name: "Did it" },
      { id: 21, name: "Did more" },
    ],
    quests: [
      { id: 30, name: "Do it", level: 1, rewards: {} },
      { id: 31, name: "Do more", level: 1, rewards: {} },
    ],
    paths: [{ id: "explorer", pathId: 3, name: "Explorer", maxLevel: 30 }],
    vendors: [
      { id: 50, name: "Hater's Shop", requiredReputation: { factionId: 2, level: "hated" }, items: [{ itemId: 10, price: 100 }] },
      { id: 51, name: "Grudge Shop", requiredReputation: { factionId: 2, level: "unfriendly" }, items: [{ itemId: 10, price: 100 }] },
    ],
    storeCategories: [{ id: 1, name: "Titles" }],
    storeOffers: [{ id: 60, categoryId: 1, name: "Buy title 6", kind: "title", grants: [{ kind: "title", titleId: 6 }], prices: { premium: 1 } }],
    titles: [
      title(1, "reputation", { type: "reputation", factionId: 1, level: "friendly" }),
      title(2, "reputation", { type: "reputation", factionId: 1, level: "exalted" }),
      title(3, "reputation", { type: "reputation", factionId: 2, level: "hated" }),
      title(4, "achievement", { type: "achievement", achievementId: 20 }),
      title(5, "quest", { type: "quest", questId: 30 }),
      title(6, "store", { type: "store", offerId: 60 }),
      title(7, "path", { type: "path", path: "explorer", level: 30 }),
      title(8, "event", { type: "event", eventId: "fest", startsAt: "2025-10-24T00:00:00Z", endsAt: "2025-11-07T00:00:00Z" }, { durationSeconds: 86400 }),
      title(9, "special", { type: "gm" }),
    ],
  });
  return { data, scale: data.reputationScales.require("tiny") };
}

/** A seeded PRNG (mulberry32): the same seed gives the same sequence on every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
