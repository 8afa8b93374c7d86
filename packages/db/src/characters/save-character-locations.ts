import { WIRE_BITS, maxOfBits, worldPositionSchema } from "@bezgelor/data";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { IdSchema } from "../validation.js";

const Location = z.object({
  characterId: IdSchema,
  worldId: z.number().int().min(1).max(maxOfBits(WIRE_BITS.worldId)),
  zoneId: z.number().int().min(0).max(maxOfBits(WIRE_BITS.worldZoneId)),
  position: worldPositionSchema,
  /** Radians; x is the yaw. Finite and within ±4π (the client sends angles a turn or two past ±π). */
  rotation: z.object({
    x: z
      .number()
      .min(-4 * Math.PI)
      .max(4 * Math.PI),
    y: z
      .number()
      .min(-4 * Math.PI)
      .max(4 * Math.PI),
    z: z
      .number()
      .min(-4 * Math.PI)
      .max(4 * Math.PI),
  }),
});

const Input = z.object({ locations: z.array(Location).max(5000) });

/** One character's place in the world, as {@link saveCharacterLocations} stores it. */
export type CharacterLocation = z.input<typeof Location>;

async function run(ctx: ActionContext, input: z.output<typeof Input>): Promise<{ saved: number }> {
  let saved = 0;
  for (const l of input.locations) {
    // updateMany: a character deleted meanwhile is skipped, not an error that loses everyone else's save.
    const { count } = await ctx.tx.character.updateMany({
      where: { id: l.characterId },
      data: {
        worldId: l.worldId,
        zoneId: l.zoneId,
        positionX: l.position.x,
        positionY: l.position.y,
        positionZ: l.position.z,
        rotationX: l.rotation.x,
        rotationY: l.rotation.y,
        rotationZ: l.rotation.z,
      },
    });
    saved += count;
  }
  return { saved };
}

/**
 * Stores where characters stand (world, zone, position, rotation), in one transaction: the world
 * server calls it when a character leaves the world and periodically for everyone in it, and the
 * character list and the next login read it back. No events (nobody is told). Returns how many
 * characters were saved (a deleted character is skipped).
 * Throws DbError INVALID_INPUT for a position outside the world (±32768 m), a non-finite
 * coordinate or rotation, or more than 5000 locations.
 */
export const saveCharacterLocations = defineAction({
  name: "characters.save-locations",
  input: Input,
  describe: (i) => `Saving the locations of ${i.locations.length} characters`,
  run,
});
