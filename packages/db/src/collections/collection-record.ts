/**
 * What a collection holds: mounts, combat pets (seed 002), vanity pets and mount flair (issue 14).
 * Titles have their own table (account_titles). Mirrors the CHECK on `collectible_type`.
 */
export const COLLECTIBLE_TYPES = ["mount", "pet", "vanity_pet", "flair"] as const;
/** One of {@link COLLECTIBLE_TYPES}. */
export type CollectibleType = (typeof COLLECTIBLE_TYPES)[number];

/** How a collectible was unlocked (purchase, gift and promo through the store; the rest by play). */
export const UNLOCK_SOURCES = ["purchase", "gift", "promo", "achievement", "quest", "drop", "event", "gm"] as const;
/** One of {@link UNLOCK_SOURCES}. */
export type UnlockSource = (typeof UNLOCK_SOURCES)[number];

/** One collected mount, pet, vanity pet or flair piece. `scope` says whether every character of the account has it. */
export interface CollectionEntry {
  collectibleType: CollectibleType;
  collectibleId: number;
  scope: "account" | "character";
  unlockSource: string;
  unlockedAt: Date;
}
