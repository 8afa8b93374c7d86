/** What a collection holds (seed 002): mounts and pets. Titles have their own table (account_titles). */
export const COLLECTIBLE_TYPES = ["mount", "pet"] as const;
/** One of {@link COLLECTIBLE_TYPES}. */
export type CollectibleType = (typeof COLLECTIBLE_TYPES)[number];

/** How a collectible was unlocked (purchase, gift and promo through the store; the rest by play). */
export const UNLOCK_SOURCES = ["purchase", "gift", "promo", "achievement", "quest", "drop", "event", "gm"] as const;
/** One of {@link UNLOCK_SOURCES}. */
export type UnlockSource = (typeof UNLOCK_SOURCES)[number];

/** One collected mount or pet. `scope` says whether every character of the account has it. */
export interface CollectionEntry {
  collectibleType: CollectibleType;
  collectibleId: number;
  scope: "account" | "character";
  unlockSource: string;
  unlockedAt: Date;
}
