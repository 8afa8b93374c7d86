// Prisma's bookkeeping table, column for column, so that `prisma migrate deploy` run elsewhere
// reads our rows as its own and vice versa.
import type { MigrationSession } from "./executor.js";

/** A row of `_prisma_migrations`. */
export interface MigrationRow {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
}

// Identical to the DDL in prisma-engines (sql-migration-connector, postgres flavour).
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function ensureMigrationsTable(session: MigrationSession): Promise<void> {
  await session.exec(CREATE_TABLE);
}

export async function readMigrationRows(session: MigrationSession): Promise<MigrationRow[]> {
  return session.query<MigrationRow>(
    `SELECT "id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count"
       FROM "_prisma_migrations" ORDER BY "started_at", "migration_name"`,
  );
}

/**
 * The script that applies one migration and records it, as one simple-protocol request: PostgreSQL
 * (and PGlite) run a multi-statement request as one implicit transaction, so a process killed
 * while it runs leaves neither the migration's changes nor its row, and the next start applies it
 * again. A migration script must therefore not contain its own BEGIN/COMMIT (Prisma's never do).
 * `started_at` is the transaction's start, `finished_at` the clock at its end.
 */
export function applyAndRecordScript(sql: string, row: { id: string; checksum: string; name: string }): string {
  const insert = `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
     VALUES (${literal(row.id)}, ${literal(row.checksum)}, ${literal(row.name)}, now(), clock_timestamp(), 1)`;
  // The newline ends a trailing `--` comment; the semicolon ends a last statement left without one.
  return `${sql}\n;\n${insert};`;
}

/** Records a migration that failed (after its transaction rolled back), with the error in `logs`. */
export async function insertFailedRow(session: MigrationSession, row: { id: string; checksum: string; name: string; logs: string }): Promise<void> {
  await session.query(
    `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "logs", "started_at", "applied_steps_count")
     VALUES ($1, $2, $3, $4, now(), 0)`,
    [row.id, row.checksum, row.name, row.logs],
  );
}

/** A SQL string literal (standard_conforming_strings, on by default since PostgreSQL 9.1). */
function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** Marks unresolved failed rows of `name` rolled back; returns how many rows changed. */
export async function markRolledBack(session: MigrationSession, name: string): Promise<number> {
  const rows = await session.query(
    `UPDATE "_prisma_migrations" SET "rolled_back_at" = now()
      WHERE "migration_name" = $1 AND "finished_at" IS NULL AND "rolled_back_at" IS NULL
      RETURNING "id"`,
    [name],
  );
  return rows.length;
}
