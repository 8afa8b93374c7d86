// Unlocking a mount, pet, vanity pet or flair piece: one INSERT .. ON CONFLICT DO NOTHING, so an unlock is idempotent and
// racing unlocks make one row and one event.
import type { GameData } from "@bezgelor/data";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema } from "../validation.js";
import { COLLECTIBLE_TYPES, UNLOCK_SOURCES, type CollectibleType } from "./collection-record.js";

const Input = z.object({
  /** "account": every character of `accountId`; "character": only `characterId`. */
  scope: z.enum(["account", "character"]),
  accountId: IdSchema,
  /** Required for the character scope; for the account scope, the character it came through (events). */
  characterId: IdSchema.nullable().optional(),
  collectibleType: z.enum(COLLECTIBLE_TYPES),
  collectibleId: IdSchema,
  source: z.enum(UNLOCK_SOURCES),
});

/** The input of {@link unlockCollectible}. */
export type UnlockCollectibleInput = z.input<typeof Input>;

/** False when it was in that collection already (nothing changed, no event). */
export interface UnlockCollectibleResult {
  unlocked: boolean;
}

/** Throws DbError UNKNOWN_GAME_DATA unless the game data defines the collectible. */
export function requireCollectible(data: GameData, type: CollectibleType, id: number): void {
  if (type === "mount") requireDefinition(data.mounts, "mount", id);
  else if (type === "pet") requireDefinition(data.pets, "pet", id);
  else if (type === "vanity_pet") requireDefinition(data.vanityPets, "vanity pet", id);
  else requireDefinition(data.flair, "flair", id);
}

async function run(ctx: ActionContext, i: z.output<typeof Input>): Promise<UnlockCollectibleResult> {
  requireCollectible(ctx.rules.data, i.collectibleType, i.collectibleId);
  const characterId = i.characterId ?? null;
  let inserted: number;
  if (i.scope === "account") {
    const account = await ctx.tx.account.findUnique({ where: { id: i.accountId }, select: { id: true } });
    if (!account) throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${i.accountId}`, { details: { accountId: i.accountId } });
    inserted = await ctx.tx.$executeRaw`INSERT INTO "account_collections" ("account_id", "collectible_type", "collectible_id", "unlock_source", "unlocked_at")
      VALUES (${i.accountId}, ${i.collectibleType}, ${i.collectibleId}, ${i.source}, ${ctx.now}) ON CONFLICT DO NOTHING`;
  } else {
    if (characterId === null)
      throw new DbError(DB_ERROR_CODES.INVALID_INPUT, "A character collection needs characterId", { details: { accountId: i.accountId } });
    const character = await ctx.tx.character.findUnique({ where: { id: characterId }, select: { accountId: true } });
    if (!character || character.accountId !== i.accountId) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId} on account ${i.accountId}`, {
        details: { characterId, accountId: i.accountId },
      });
    }
    inserted = await ctx.tx
      .$executeRaw`INSERT INTO "character_collections" ("character_id", "collectible_type", "collectible_id", "unlock_source", "unlocked_at")
      VALUES (${characterId}, ${i.collectibleType}, ${i.collectibleId}, ${i.source}, ${ctx.now}) ON CONFLICT DO NOTHING`;
  }
  if (inserted > 0) {
    ctx.emit({
      kind: "collection.unlocked",
      accountId: i.accountId,
      characterId,
      scope: i.scope,
      collectibleType: i.collectibleType,
      collectibleId: i.collectibleId,
      source: i.source,
    });
  }
  ctx.step("collection.unlocked");
  return { unlocked: inserted > 0 };
}

/**
 * Unlocks a mount, pet, vanity pet or flair piece (defined in the game data) for an account (every character) or one
 * character, with its source. Idempotent: owning it already is `unlocked: false`, no event.
 * Emits collection.unlocked. Throws DbError UNKNOWN_GAME_DATA, ACCOUNT_NOT_FOUND,
 * CHARACTER_NOT_FOUND (or not the account's), INVALID_INPUT.
 */
export const unlockCollectible = defineAction({
  name: "collection.unlock",
  input: Input,
  describe: (i) => `Unlocking ${i.collectibleType} ${i.collectibleId} for ${i.scope} ${i.scope === "account" ? i.accountId : i.characterId}`,
  run,
});
