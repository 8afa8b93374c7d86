import type { ActionContext } from "../actions/action.js";
import { characterAccountId } from "../characters/character-account.js";
import { ownsCollectible } from "../collections/get-collections.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { CharacterPetRecord, PetKind } from "./character-pet-record.js";

/**
 * Inside an action: checks the character owns the pet (its account's collection or its own), then
 * creates its progress row if missing (level 1, no XP) and locks it. Returns the account id and the
 * row. Throws DbError CHARACTER_NOT_FOUND, COLLECTIBLE_NOT_OWNED.
 */
export async function lockCharacterPet(
  ctx: ActionContext,
  characterId: number,
  kind: PetKind,
  petId: number,
): Promise<{ accountId: number; pet: CharacterPetRecord }> {
  const accountId = await characterAccountId(ctx.tx, characterId);
  if (!(await ownsCollectible(ctx.tx, { accountId, characterId, collectibleType: kind, collectibleId: petId }))) {
    throw new DbError(DB_ERROR_CODES.COLLECTIBLE_NOT_OWNED, `Character ${characterId} has no ${kind} ${petId}`, { details: { characterId, kind, petId } });
  }
  await ctx.tx.$executeRaw`INSERT INTO "character_pets" ("character_id", "kind", "pet_id", "updated_at") VALUES (${characterId}, ${kind}, ${petId}, ${ctx.now})
    ON CONFLICT DO NOTHING`;
  const rows = await ctx.tx.$queryRaw<Array<{ xp: number; level: number; nickname: string | null }>>`SELECT "xp", "level", "nickname" FROM "character_pets"
    WHERE "character_id" = ${characterId} AND "kind" = ${kind} AND "pet_id" = ${petId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new DbError(DB_ERROR_CODES.INTERNAL, `The progress of ${kind} ${petId} vanished`, { details: { characterId, kind, petId } });
  return { accountId, pet: { characterId, kind, petId, ...row } };
}
