import { z } from "zod";
import { idSchema, keySchema } from "./common";

/** Mount kinds: ground mounts and hoverboards. */
export const MOUNT_TYPE = ["ground", "hoverboard"] as const;

/** One of {@link MOUNT_TYPE}. */
export type MountType = (typeof MOUNT_TYPE)[number];

/** How a collectible (mount or pet) is normally obtained. */
export const COLLECTIBLE_UNLOCK = ["purchasable", "quest", "achievement", "promo", "event", "drop"] as const;

/** One of {@link COLLECTIBLE_UNLOCK}. */
export type CollectibleUnlock = (typeof COLLECTIBLE_UNLOCK)[number];

const uniqueKeys = z.array(keySchema).refine((keys) => new Set(keys).size === keys.length, "must not repeat a key");

/** A mount: its speed multiplier and what the player may customise on it. */
export const mountSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  type: z.enum(MOUNT_TYPE),
  /** Movement speed multiplier while mounted (1 = running speed). */
  speed: z.number().positive(),
  flairSlots: uniqueKeys,
  dyeChannels: z.int().min(0).max(3),
  upgrades: uniqueKeys,
  tricks: uniqueKeys,
  unlock: z.enum(COLLECTIBLE_UNLOCK),
});

/** A mount definition. */
export type Mount = z.output<typeof mountSchema>;
