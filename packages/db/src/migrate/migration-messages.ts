// Human-facing text for migration failures: an operator reads these at 3 a.m.
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { DbLogger } from "../logger.js";
import type { MigrationFile } from "./migration-files.js";
import type { MigrationRow } from "./prisma-migrations-table.js";

/** The `logs` text stored for a failed migration (Prisma stores the database error there too). */
export function failureLogs(name: string, error: unknown): string {
  const e = error as { message?: unknown; code?: unknown; detail?: unknown; position?: unknown };
  const lines = [`Migration \`${name}\` failed to apply.`];
  if (typeof e?.code === "string") lines.push(`Database error code: ${e.code}`);
  lines.push(`Database error: ${typeof e?.message === "string" ? e.message : String(error)}`);
  if (typeof e?.detail === "string") lines.push(`Detail: ${e.detail}`);
  if (typeof e?.position === "string" || typeof e?.position === "number") lines.push(`Position: ${e.position}`);
  return lines.join("\n");
}

/** The MIGRATION_FAILED error for an unresolved failed row. */
export function blockedByFailure(row: Pick<MigrationRow, "migration_name" | "started_at" | "logs">): DbError {
  const name = row.migration_name;
  const firstLog =
    (row.logs ?? "").split("\n").find((l) => l.startsWith("Database error:")) ?? "no logs recorded (an older runner's process stopped while applying it)";
  const message = [
    `Migration "${name}" failed (started ${row.started_at.toISOString()}): ${firstLog}`,
    "No later migration will be applied until it is resolved.",
    "To resolve: fix the cause (a PostgreSQL migration script runs as one transaction, so its own changes were rolled back),",
    `then mark it rolled back with \`prisma migrate resolve --rolled-back ${name}\`, markMigrationRolledBack(), or`,
    `  UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = '${name}' AND finished_at IS NULL;`,
    "and run the migrations again.",
  ].join("\n");
  return new DbError(DB_ERROR_CODES.MIGRATION_FAILED, message, { details: { migration: name, logs: row.logs } });
}

/** Warns (like Prisma) about edited or locally missing migrations; neither blocks deploy. */
export function warnAboutHistory(logger: DbLogger, files: MigrationFile[], applied: Map<string, MigrationRow>): void {
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const [name, row] of applied) {
    const file = byName.get(name);
    if (!file) logger.warn({ migration: name }, "migration is applied to the database but missing from the migrations folder");
    else if (file.checksum !== row.checksum) logger.warn({ migration: name }, "migration was modified after it was applied");
  }
}
