import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import { Prisma } from "../generated/prisma/client";
import { IdSchema, parseInput } from "../validation.js";

/** Options for {@link getBalances}. */
export interface GetBalancesOptions {
  accountId: number;
  /** One of the account's characters, for its gold. */
  characterId?: number | undefined;
}

/** An account's balances (and one character's gold), in each currency's smallest unit. */
export interface Balances {
  accountId: number;
  characterId: number | null;
  /** NCoin (account currency type 11); 0 before the first change. */
  premium: bigint;
  /** Omnibits (account currency type 6); 0 before the first change. */
  bonus: bigint;
  /** The character's gold (Credits), or null when no character was asked for. */
  gold: bigint | null;
}

interface Row {
  premium: bigint | null;
  bonus: bigint | null;
  gold: bigint | null;
  character_found: boolean;
}

const GetBalancesInput = z.object({ accountId: IdSchema, characterId: IdSchema.optional() });

/**
 * Reads premium and bonus of an account and, given `characterId`, that character's gold, in one
 * statement (one snapshot). Throws DbError ACCOUNT_NOT_FOUND, CHARACTER_NOT_FOUND (no such
 * character on this account), INVALID_INPUT.
 */
export async function getBalances(db: DbClient, options: GetBalancesOptions): Promise<Balances> {
  const { accountId, characterId } = parseInput(GetBalancesInput, options);
  let rows: Row[];
  try {
    rows = await db.$queryRaw<Row[]>(Prisma.sql`SELECT
        (SELECT "balance" FROM "account_currencies" WHERE "account_id" = a."id" AND "currency" = 'premium') AS "premium",
        (SELECT "balance" FROM "account_currencies" WHERE "account_id" = a."id" AND "currency" = 'bonus') AS "bonus",
        c."gold" AS "gold", c."id" IS NOT NULL AS "character_found"
      FROM "accounts" a
      LEFT JOIN "characters" c ON c."id" = ${characterId ?? null}::integer AND c."account_id" = a."id"
      WHERE a."id" = ${accountId}`);
  } catch (error) {
    throw toDbError(error, `Reading the balances of account ${accountId} failed`);
  }
  const row = rows[0];
  if (!row) throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${accountId}`, { details: { accountId } });
  if (characterId !== undefined && !row.character_found) {
    throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId} on account ${accountId}`, { details: { accountId, characterId } });
  }
  return {
    accountId,
    characterId: characterId ?? null,
    premium: BigInt(row.premium ?? 0n),
    bonus: BigInt(row.bonus ?? 0n),
    gold: characterId === undefined || row.gold === null ? null : BigInt(row.gold),
  };
}
