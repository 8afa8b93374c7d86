// Each faction's row is created if missing, then locked (in faction id order, so two callers
// changing several factions cannot deadlock), then changed with the clamp computed in SQL. The
// lock makes "before" exact and serialises racing changes: none is lost.
import { z } from "zod";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isForeignKeyViolation, toDbError } from "../errors.js";
import { Prisma } from "../generated/prisma/client";
import { IdSchema, parseInput, ReasonSchema } from "../validation.js";
import { ReputationBoundsSchema, ReputationChangesSchema, type ReputationBounds, type ReputationChange, type ReputationDelta } from "./reputation-input.js";

/** Options for {@link changeReputation}. */
export interface ChangeReputationOptions {
  characterId: number;
  /** Applied in order; a faction may appear more than once. Empty changes nothing. */
  changes: ReputationDelta[];
  /** Every resulting standing is clamped to min..max. */
  bounds: ReputationBounds;
  /** What caused the change (1..64 characters, e.g. "kill 12345"); named in error messages. */
  source: string;
}

const InputSchema = z.object({
  characterId: IdSchema,
  changes: ReputationChangesSchema,
  bounds: ReputationBoundsSchema,
  source: ReasonSchema,
});

async function lockRows(tx: Prisma.TransactionClient, characterId: number, factionIds: number[]): Promise<Map<number, number>> {
  await tx.$executeRaw`INSERT INTO "character_reputations" ("character_id", "faction_id", "standing")
    VALUES ${Prisma.join(factionIds.map((f) => Prisma.sql`(${characterId}, ${f}, 0)`))}
    ON CONFLICT ("character_id", "faction_id") DO NOTHING`;
  const rows = await tx.$queryRaw<Array<{ faction_id: number; standing: number }>>`SELECT "faction_id", "standing"
    FROM "character_reputations" WHERE "character_id" = ${characterId} AND "faction_id" IN (${Prisma.join(factionIds)})
    ORDER BY "faction_id" FOR UPDATE`;
  return new Map(rows.map((r) => [Number(r.faction_id), Number(r.standing)]));
}

async function applyChange(tx: Prisma.TransactionClient, characterId: number, change: ReputationDelta, bounds: ReputationBounds): Promise<number> {
  const rows = await tx.$queryRaw<Array<{ standing: number }>>`UPDATE "character_reputations"
    SET "standing" = LEAST(GREATEST("standing"::bigint + ${change.delta}::bigint, ${bounds.min}::bigint), ${bounds.max}::bigint)::integer,
        "updated_at" = CURRENT_TIMESTAMP
    WHERE "character_id" = ${characterId} AND "faction_id" = ${change.factionId}
    RETURNING "standing"`;
  const row = rows[0];
  if (!row) throw new Error(`reputation row ${characterId}/${change.factionId} vanished under its lock`);
  return Number(row.standing);
}

/**
 * Changes standings, each clamped to `bounds` in SQL, all in one transaction (the caller's when
 * `db` is a transaction client). A missing standing counts as 0. Concurrent changes to the same
 * standing are serialised by a row lock, so none is lost. Returns each change's standing before
 * and after, in the order given.
 * Throws DbError CHARACTER_NOT_FOUND (on PostgreSQL this also aborts a caller's transaction),
 * INVALID_INPUT (bad ids, a faction id outside 1..16383, a delta that is 0 or not a safe integer,
 * bounds outside 32 bits or min > max, more than 100 changes, source not 1..64 characters).
 */
export async function changeReputation(db: DbClient, options: ChangeReputationOptions): Promise<ReputationChange[]> {
  const input = parseInput(InputSchema, options);
  if (input.changes.length === 0) return [];
  const factionIds = [...new Set(input.changes.map((c) => c.factionId))].sort((a, b) => a - b);
  try {
    return await runTransaction(db, async (tx) => {
      const standings = await lockRows(tx, input.characterId, factionIds);
      const results: ReputationChange[] = [];
      for (const change of input.changes) {
        const before = standings.get(change.factionId) ?? 0;
        const after = await applyChange(tx, input.characterId, change, input.bounds);
        standings.set(change.factionId, after);
        results.push({ factionId: change.factionId, before, after });
      }
      return results;
    });
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${input.characterId}`, {
        cause: error,
        details: { characterId: input.characterId },
      });
    }
    throw toDbError(error, `Changing reputation of character ${input.characterId} (${input.source}) failed`);
  }
}
