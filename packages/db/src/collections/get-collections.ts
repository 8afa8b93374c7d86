// Reading collections (seed 002's get account / character / merged and owns). Pass the
// transaction of an action that depends on the answer.
import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import { COLLECTIBLE_TYPES, type CollectibleType, type CollectionEntry } from "./collection-record.js";

const Type = z.enum(COLLECTIBLE_TYPES).optional();

/** Options for the collection reads; `collectibleType` narrows to mounts or pets. */
export interface CollectionQuery {
  accountId?: number;
  characterId?: number | null;
  collectibleType?: CollectibleType;
}

const select = { collectibleType: true, collectibleId: true, unlockSource: true, unlockedAt: true } as const;
type Row = { collectibleType: string; collectibleId: number; unlockSource: string; unlockedAt: Date };
const entry =
  (scope: "account" | "character") =>
  (r: Row): CollectionEntry => ({ ...r, collectibleType: r.collectibleType as CollectibleType, scope });

const GetAccountCollectionInput = z.object({ accountId: IdSchema, collectibleType: Type });

/** The account's collection (every character has it), by type then id; `[]` for an unknown account. Throws DbError INVALID_INPUT. */
export async function getAccountCollection(db: DbClient, options: { accountId: number; collectibleType?: CollectibleType }): Promise<CollectionEntry[]> {
  const { accountId, collectibleType } = parseInput(GetAccountCollectionInput, options);
  try {
    const rows = await db.accountCollection.findMany({
      where: { accountId, ...(collectibleType ? { collectibleType } : {}) },
      select,
      orderBy: [{ collectibleType: "asc" }, { collectibleId: "asc" }],
    });
    return rows.map(entry("account"));
  } catch (error) {
    throw toDbError(error, `Reading the collection of account ${accountId} failed`);
  }
}

const GetCharacterCollectionInput = z.object({ characterId: IdSchema, collectibleType: Type });

/** One character's own collection; `[]` for an unknown character. Throws DbError INVALID_INPUT. */
export async function getCharacterCollection(db: DbClient, options: { characterId: number; collectibleType?: CollectibleType }): Promise<CollectionEntry[]> {
  const { characterId, collectibleType } = parseInput(GetCharacterCollectionInput, options);
  try {
    const rows = await db.characterCollection.findMany({
      where: { characterId, ...(collectibleType ? { collectibleType } : {}) },
      select,
      orderBy: [{ collectibleType: "asc" }, { collectibleId: "asc" }],
    });
    return rows.map(entry("character"));
  } catch (error) {
    throw toDbError(error, `Reading the collection of character ${characterId} failed`);
  }
}

/**
 * What a character can use: the account's collection and the character's own, merged (an entry
 * in both is listed once, as the account's). Throws DbError INVALID_INPUT.
 */
export async function getMergedCollection(
  db: DbClient,
  options: { accountId: number; characterId: number; collectibleType?: CollectibleType },
): Promise<CollectionEntry[]> {
  const account = await getAccountCollection(db, options);
  const own = await getCharacterCollection(db, options);
  const seen = new Set(account.map((e) => `${e.collectibleType}:${e.collectibleId}`));
  return [...account, ...own.filter((e) => !seen.has(`${e.collectibleType}:${e.collectibleId}`))].sort(
    (a, b) => a.collectibleType.localeCompare(b.collectibleType) || a.collectibleId - b.collectibleId,
  );
}

const OwnsCollectibleInput = z.object({
  accountId: IdSchema,
  characterId: IdSchema.nullable().optional(),
  collectibleType: z.enum(COLLECTIBLE_TYPES),
  collectibleId: IdSchema,
});

/** True when the account, or the character when given, has the collectible. Throws DbError INVALID_INPUT. */
export async function ownsCollectible(
  db: DbClient,
  options: { accountId: number; characterId?: number | null; collectibleType: CollectibleType; collectibleId: number },
): Promise<boolean> {
  const i = parseInput(OwnsCollectibleInput, options);
  try {
    const key = { collectibleType: i.collectibleType, collectibleId: i.collectibleId };
    if ((await db.accountCollection.count({ where: { accountId: i.accountId, ...key } })) > 0) return true;
    return i.characterId != null && (await db.characterCollection.count({ where: { characterId: i.characterId, ...key } })) > 0;
  } catch (error) {
    throw toDbError(error, `Reading whether account ${i.accountId} owns ${i.collectibleType} ${i.collectibleId} failed`);
  }
}
