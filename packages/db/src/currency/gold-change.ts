// The one statement behind addGold and spendGold: the balance update and its ledger row are a
// single SQL statement (a data-modifying CTE), so they are atomic without an interactive
// transaction, and concurrent changes serialise on the character's row lock. The WHERE clause
// is re-checked against the latest row version after waiting, so a spend can never overdraw.
import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, toDbError, isUniqueViolation } from "../errors.js";
import { Prisma } from "../generated/prisma/client";
import { IdSchema, MAX_INT64, parseGoldAmount, parseInput } from "../validation.js";

/** Options shared by addGold and spendGold. */
export interface GoldChangeOptions {
  characterId: number;
  /** Positive amount as a bigint (gold is a 64-bit value). */
  amount: bigint;
  /** Why, for the ledger (1..64 characters), e.g. "quest:5001" or "vendor:8001". */
  reason: string;
  /** A retry with the same key for the same character is applied once and returns the first result. */
  idempotencyKey?: string;
}

/** Result of a gold change. */
export interface GoldChange {
  /** Balance after the change. */
  balance: bigint;
  ledgerEntryId: bigint;
  /** True when this call matched an earlier one by idempotency key and changed nothing. */
  replayed: boolean;
}

const InputSchema = z.object({
  characterId: IdSchema,
  reason: z.string().trim().min(1).max(64),
  idempotencyKey: z.string().min(1).max(128).optional(),
});

type Direction = "add" | "spend";
interface LedgerRow {
  id: bigint;
  balance_after: bigint;
}

function changeSql(direction: Direction, characterId: number, amount: bigint, reason: string, key: string | null) {
  const update =
    direction === "add"
      ? Prisma.sql`UPDATE "characters" SET "gold" = "gold" + ${amount}::bigint
          WHERE "id" = ${characterId} AND "gold" <= ${MAX_INT64}::bigint - ${amount}::bigint RETURNING "id", "gold"`
      : Prisma.sql`UPDATE "characters" SET "gold" = "gold" - ${amount}::bigint
          WHERE "id" = ${characterId} AND "gold" >= ${amount}::bigint RETURNING "id", "gold"`;
  const delta = direction === "add" ? amount : -amount;
  return Prisma.sql`WITH "changed" AS (${update})
    INSERT INTO "gold_ledger" ("character_id", "delta", "balance_after", "reason", "idempotency_key")
    SELECT "id", ${delta}::bigint, "gold", ${reason}, ${key} FROM "changed"
    RETURNING "id", "balance_after"`;
}

async function findReplay(db: DbClient, characterId: number, key: string): Promise<GoldChange | undefined> {
  const row = await db.goldLedgerEntry.findUnique({
    where: { characterId_idempotencyKey: { characterId, idempotencyKey: key } },
    select: { id: true, balanceAfter: true },
  });
  return row ? { balance: row.balanceAfter, ledgerEntryId: row.id, replayed: true } : undefined;
}

/** Why nothing changed: no character, not enough gold, or the credit would overflow. */
async function refusal(db: DbClient, direction: Direction, characterId: number, amount: bigint): Promise<DbError> {
  const character = await db.character.findUnique({ where: { id: characterId }, select: { gold: true } });
  if (!character) return new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
  const details = { characterId, balance: character.gold.toString(), amount: amount.toString() };
  return direction === "spend"
    ? new DbError(DB_ERROR_CODES.INSUFFICIENT_FUNDS, `Character ${characterId} has ${character.gold} gold, needs ${amount}`, { details })
    : new DbError(DB_ERROR_CODES.BALANCE_OVERFLOW, `Adding ${amount} gold to ${character.gold} would exceed the 64-bit maximum`, { details });
}

/** Applies a validated gold change; see addGold/spendGold for the contract. */
export async function changeGold(db: DbClient, direction: Direction, options: GoldChangeOptions): Promise<GoldChange> {
  const amount = parseGoldAmount(options.amount);
  const input = parseInput(InputSchema, options);
  const key = input.idempotencyKey ?? null;
  try {
    if (key) {
      const replay = await findReplay(db, input.characterId, key);
      if (replay) return replay;
    }
    let rows: LedgerRow[];
    try {
      rows = await db.$queryRaw<LedgerRow[]>(changeSql(direction, input.characterId, amount, input.reason, key));
    } catch (error) {
      // A concurrent call with the same key won the race; report its result.
      const replay = key && isUniqueViolation(error, "gold_ledger_character_id_idempotency_key_key", ["character_id", "idempotency_key"]) ? await findReplay(db, input.characterId, key) : undefined;
      if (replay) return replay;
      throw error;
    }
    const row = rows[0];
    if (!row) throw await refusal(db, direction, input.characterId, amount);
    return { balance: BigInt(row.balance_after), ledgerEntryId: BigInt(row.id), replayed: false };
  } catch (error) {
    throw toDbError(error, `Changing gold of character ${input.characterId} failed`);
  }
}
