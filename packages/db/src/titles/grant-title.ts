// One INSERT .. ON CONFLICT decides who grants: it inserts a missing row or renews an expired
// one, and returns nothing when the title is owned. PostgreSQL re-checks the conflict against
// the latest committed row, so of any number of racing grants exactly one reports granted.
import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isForeignKeyViolation, toDbError } from "../errors.js";
import { ClientIdSchema, IdSchema, parseInput } from "../validation.js";
import { accountTitleSelect, TITLE_SOURCES, toAccountTitleRecord, type AccountTitleRecord, type TitleSource } from "./title-record.js";

/** Options for {@link grantTitle}. */
export interface GrantTitleOptions {
  accountId: number;
  titleId: number;
  source: TitleSource;
  /** For event titles: when the title stops counting as owned. Must be after `now`. */
  expiresAt?: Date | null;
  /** The grant time (tests); defaults to now. */
  now?: Date;
}

/** Result of {@link grantTitle}. */
export interface GrantTitleResult {
  /** False when the account already owned the title unexpired (nothing was changed). */
  granted: boolean;
  title: AccountTitleRecord;
}

const InputSchema = z
  .object({
    accountId: IdSchema,
    titleId: ClientIdSchema,
    source: z.enum(TITLE_SOURCES),
    expiresAt: z.date().nullable().optional(),
    now: z.date().optional(),
  })
  .transform((o) => ({ ...o, now: o.now ?? new Date(), expiresAt: o.expiresAt ?? null }))
  .refine((o) => o.expiresAt === null || o.expiresAt > o.now, { message: "must be after now", path: ["expiresAt"] });

interface GrantedRow {
  title_id: number;
  unlocked_at: Date;
  source: string;
  expires_at: Date | null;
}

/**
 * Grants a title to the account, idempotently: granting an owned, unexpired title returns
 * `granted: false` with the existing title and changes nothing; an expired title is renewed.
 * Concurrent grants of one title produce one row and exactly one `granted: true`.
 * Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT (ids, title id outside 1..16383, unknown
 * source, `expiresAt` not after `now`).
 */
export async function grantTitle(db: DbClient, options: GrantTitleOptions): Promise<GrantTitleResult> {
  const input = parseInput(InputSchema, options);
  try {
    // A GM revoke between the two statements removes the row we saw; try again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const rows = await db.$queryRaw<GrantedRow[]>`INSERT INTO "account_titles" AS t
        ("account_id", "title_id", "unlocked_at", "source", "expires_at")
        VALUES (${input.accountId}, ${input.titleId}, ${input.now}::timestamptz, ${input.source}, ${input.expiresAt}::timestamptz)
        ON CONFLICT ("account_id", "title_id") DO UPDATE
          SET "unlocked_at" = EXCLUDED."unlocked_at", "source" = EXCLUDED."source", "expires_at" = EXCLUDED."expires_at"
          WHERE t."expires_at" IS NOT NULL AND t."expires_at" <= ${input.now}::timestamptz
        RETURNING "title_id", "unlocked_at", "source", "expires_at"`;
      const row = rows[0];
      if (row) {
        return {
          granted: true,
          title: toAccountTitleRecord({ titleId: Number(row.title_id), unlockedAt: row.unlocked_at, source: row.source, expiresAt: row.expires_at }),
        };
      }
      const owned = await db.accountTitle.findUnique({
        where: { accountId_titleId: { accountId: input.accountId, titleId: input.titleId } },
        select: accountTitleSelect,
      });
      if (owned) return { granted: false, title: toAccountTitleRecord(owned) };
    }
    throw new Error("the title row kept disappearing (revoked while granting)");
  } catch (error) {
    if (isForeignKeyViolation(error)) {
      throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account ${input.accountId}`, { cause: error, details: { accountId: input.accountId } });
    }
    throw toDbError(error, `Granting title ${input.titleId} to account ${input.accountId} failed`);
  }
}
