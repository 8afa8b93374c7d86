import { z } from "zod";
import { wireId14Schema } from "./common";
import { RACE } from "./character-creation";
import { maxOfBits, WIRE_BITS } from "./wire";

/**
 * Half the side of a world, in metres: a world is 128 × 128 grids of 512 m centred on the origin,
 * so x and z lie within ±32768 (NexusForever `Source/NexusForever.IO/Map/MapDefines.cs`; BaseMap's
 * IsValidPosition refuses anything beyond).
 */
export const WORLD_HALF_EXTENT = 32768;

const coordinate = z.number().min(-WORLD_HALF_EXTENT).max(WORLD_HALF_EXTENT);

/** A point in a world, metres; y is up. Every coordinate within {@link WORLD_HALF_EXTENT}. */
export const worldPositionSchema = z.strictObject({ x: coordinate, y: coordinate, z: coordinate });

/**
 * Where a new character of a race and faction starts. NexusForever keeps these in its
 * `character_create` table (`Source/NexusForever.Database.Character/CharacterContext.cs`, read by
 * `Source/NexusForever.Game/Character/CharacterManager.cs` GetStartingLocation): world, position and
 * rotation per race, faction and start kind. The shipped file holds its "Nexus" start (the
 * faction's city on the planet). Its zone is not recorded there (NexusForever leaves the
 * character's zone 0 until the client reports one), so `zoneId` is 0 unless known.
 */
export const startLocationSchema = z.strictObject({
  id: z.int().positive(),
  factionId: wireId14Schema,
  race: z.int().refine((v) => (Object.values(RACE) as number[]).includes(v), "must be a race id"),
  worldId: z.int().min(1).max(maxOfBits(WIRE_BITS.worldId)),
  zoneId: z.int().min(0).max(maxOfBits(WIRE_BITS.worldZoneId)).default(0),
  position: worldPositionSchema,
  /** Facing, radians (the rotation's x, as the client's SetRotation carries it). */
  yaw: z
    .number()
    .min(-2 * Math.PI)
    .max(2 * Math.PI),
});

/** One start location. */
export type StartLocation = z.output<typeof startLocationSchema>;
