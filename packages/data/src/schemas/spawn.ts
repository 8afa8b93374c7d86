import { z } from "zod";
import { idSchema } from "./common";
import { worldPositionSchema } from "./start-location";
import { maxOfBits, WIRE_BITS, wireIdSchema } from "./wire";

/**
 * What kind of unit a spawn makes, as NexusForever's entity types name them
 * (`Source/NexusForever.Game.Static/Entity/EntityType.cs`): `nonPlayer` (NonPlayer 0: creatures,
 * vendors) or `mailbox` (MailBox 12, `Source/NexusForever.Game/Entity/MailboxEntity.cs`).
 */
export const SPAWN_TYPES = ["nonPlayer", "mailbox"] as const;

/** Longest respawn delay, seconds (a day). */
export const MAX_RESPAWN_SECONDS = 86_400;

/**
 * A unit placed in a world when the world's map starts: which creature, where, facing where, and
 * how long after its death it comes back. A `vendorId` makes the unit a vendor (NexusForever's
 * `entity_vendor` row: the create carries the Vendor flag and interacting opens that vendor's
 * stock); only `nonPlayer` units can be vendors.
 */
export const spawnSchema = z
  .strictObject({
    id: idSchema,
    creatureId: wireIdSchema("creatureId"),
    type: z.enum(SPAWN_TYPES).default("nonPlayer"),
    worldId: z.int().min(1).max(maxOfBits(WIRE_BITS.worldId)),
    position: worldPositionSchema,
    /** Facing, radians (the rotation's x). */
    yaw: z
      .number()
      .min(-2 * Math.PI)
      .max(2 * Math.PI),
    respawnSeconds: z.int().min(1).max(MAX_RESPAWN_SECONDS),
    vendorId: wireIdSchema("vendorId").optional(),
  })
  .refine((s) => s.vendorId === undefined || s.type === "nonPlayer", { message: "only a nonPlayer unit can be a vendor", path: ["vendorId"] });

/** A unit placed in a world. */
export type Spawn = z.output<typeof spawnSchema>;
