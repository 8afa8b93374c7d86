import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import { PET_KINDS, type CharacterPetRecord, type PetKind } from "./character-pet-record.js";

const Input = z.object({ characterId: IdSchema, kind: z.enum(PET_KINDS).optional(), petId: IdSchema.optional() });

/**
 * A character's pet progress (level, XP, nickname), by kind then pet id; narrowed by `kind` and
 * `petId`. A pet it never summoned, fed or named has no record (level 1, no XP, no nickname).
 * Throws DbError INVALID_INPUT.
 */
export async function listCharacterPets(db: DbClient, options: { characterId: number; kind?: PetKind; petId?: number }): Promise<CharacterPetRecord[]> {
  const { characterId, kind, petId } = parseInput(Input, options);
  try {
    const rows = await db.characterPet.findMany({
      where: { characterId, ...(kind === undefined ? {} : { kind }), ...(petId === undefined ? {} : { petId }) },
      select: { characterId: true, kind: true, petId: true, xp: true, level: true, nickname: true },
      orderBy: [{ kind: "asc" }, { petId: "asc" }],
    });
    return rows.map((r) => ({ ...r, kind: r.kind as PetKind }));
  } catch (error) {
    throw toDbError(error, `Reading the pets of character ${characterId} failed`);
  }
}
