import { z } from "zod";
import { idSchema, keySchema } from "./common";
import { wireIdSchema } from "./wire";

/** Mount kinds: ground mounts and hoverboards (NexusForever PetType GroundMount 1, HoverBoard 2). */
export const MOUNT_TYPE = ["ground", "hoverboard"] as const;

/** One of {@link MOUNT_TYPE}. */
export type MountType = (typeof MOUNT_TYPE)[number];

/** How a collectible (mount or pet) is normally obtained. */
export const COLLECTIBLE_UNLOCK = ["purchasable", "quest", "achievement", "promo", "event", "drop"] as const;

/** One of {@link COLLECTIBLE_UNLOCK}. */
export type CollectibleUnlock = (typeof COLLECTIBLE_UNLOCK)[number];

/**
 * The four flair slots of a mount, in the order of the slot index `ClientPetCustomisation` sends
 * (u16 slot 0-3) and of the item visual slots they show in (ItemSlot MountFront 66, MountBack 67,
 * MountLeft 68, MountRight 69; NexusForever `PetCustomisationManager`).
 */
export const FLAIR_SLOTS = ["front", "back", "left", "right"] as const;

/** One of {@link FLAIR_SLOTS}. */
export type FlairSlot = (typeof FLAIR_SLOTS)[number];

/** How many dye channels a mount has at most (the client's mount dye UI shows three). */
export const MAX_DYE_CHANNELS = 3;

const uniqueKeys = z.array(keySchema).refine((keys) => new Set(keys).size === keys.length, "must not repeat a key");

/** An upgrade of a mount, bought in list order; a speed upgrade adds `speedBonus` to the mount's speed. */
export const mountUpgradeSchema = z.strictObject({
  id: keySchema,
  speedBonus: z.number().nonnegative().default(0),
});

/** An upgrade of a mount. */
export type MountUpgrade = z.output<typeof mountUpgradeSchema>;

/**
 * A mount: the ability that summons it (its Spell4 id, learnt on unlock, cast from the ability
 * item), the unit it appears as, its speed multiplier and what the player may customise on it.
 */
export const mountSchema = z
  .strictObject({
    id: idSchema,
    name: z.string().min(1),
    type: z.enum(MOUNT_TYPE),
    /** The Spell4 id of the summon ability: ServerUnlockMount, the collection, the customisation object id. */
    spellId: wireIdSchema("spell4Id"),
    /** The ability item the spell puts in the Ability bag (an item of `items.json`). */
    abilityItemId: wireIdSchema("itemId"),
    /** The mount unit's Creature2 id and UnitVehicle (MountEntityModel). */
    creatureId: wireIdSchema("creatureId"),
    unitVehicleId: wireIdSchema("unitVehicleId"),
    /** Movement speed multiplier while mounted (1 = running speed), before upgrades. */
    speed: z.number().positive(),
    flairSlots: z.array(z.enum(FLAIR_SLOTS)).refine((slots) => new Set(slots).size === slots.length, "must not repeat a slot"),
    dyeChannels: z.int().min(0).max(MAX_DYE_CHANNELS),
    /** Upgrades in the order they must be bought. */
    upgrades: z.array(mountUpgradeSchema).refine((u) => new Set(u.map((x) => x.id)).size === u.length, "must not repeat an upgrade"),
    tricks: uniqueKeys,
    unlock: z.enum(COLLECTIBLE_UNLOCK),
  })
  .refine((mount) => mount.type === "hoverboard" || mount.tricks.length === 0, { message: "only hoverboards have tricks", path: ["tricks"] });

/** A mount definition. */
export type Mount = z.output<typeof mountSchema>;
