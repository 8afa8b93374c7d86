// The runtime migration runner for both targets. Same contract as `prisma migrate deploy`:
// applies pending folders in name order, one `_prisma_migrations` row each; a failure is
// recorded with its logs and blocks every later run until it is marked rolled back. A process
// killed while applying one leaves nothing behind: the migration and its row are one transaction.
import { randomUUID } from "node:crypto";
import { DB_ERROR_CODES, DbError, toDbError } from "../errors.js";
import type { PrismaClient } from "../generated/prisma/client";
import { silentLogger, type DbLogger } from "../logger.js";
import { executorFor, type MigrationExecutor } from "./executor.js";
import { listMigrations, resolveMigrationsDir } from "./migration-files.js";
import * as table from "./prisma-migrations-table.js";
import { blockedByFailure, failureLogs, warnAboutHistory } from "./migration-messages.js";

/** Progress events, for a CLI progress line; `index` is the migration's place among the pending ones, from 0. */
export type MigrationProgress =
  | { type: "pending"; names: string[] }
  | { type: "applying"; name: string; index: number; total: number }
  | { type: "applied"; name: string; index: number; total: number; durationMs: number };

/** Where to migrate: a client from openDatabase/createTestDatabase, or a raw executor. */
export type MigrationTarget = { client: PrismaClient; executor?: never } | { executor: MigrationExecutor; client?: never };

/** Options for {@link migrateDatabase}. */
export type MigrateDatabaseOptions = MigrationTarget & {
  logger?: DbLogger;
  onProgress?: (event: MigrationProgress) => void;
  /** Defaults to the package's bundled migrations (or the repository's prisma/migrations). */
  migrationsDir?: string;
};

/** What a run did. */
export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

/** The executor behind a target; INVALID_INPUT for a client this package did not create. */
export function resolveExecutor(target: MigrationTarget): MigrationExecutor {
  if (target.executor) return target.executor;
  const executor = executorFor(target.client);
  if (!executor) {
    throw new DbError(DB_ERROR_CODES.INVALID_INPUT, "This PrismaClient was not created by openDatabase or createTestDatabase; pass { executor } instead.");
  }
  return executor;
}

/**
 * Applies every pending migration. Idempotent: a second run applies nothing.
 * Throws DbError MIGRATION_FAILED when a migration fails now (its row keeps the error in `logs`)
 * or when an earlier failure is still unresolved; the message names the migration and how to
 * resolve it. Throws INVALID_INPUT for a client not created by this package, INTERNAL otherwise.
 */
export async function migrateDatabase(options: MigrateDatabaseOptions): Promise<MigrationReport> {
  const logger = options.logger ?? silentLogger();
  const executor = resolveExecutor(options);
  const dir = options.migrationsDir ?? resolveMigrationsDir();
  const { migrations } = await listMigrations(dir);
  try {
    return await executor.withSession(async (session) => {
      await table.ensureMigrationsTable(session);
      const rows = await table.readMigrationRows(session);
      const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
      if (failed) throw blockedByFailure(failed);
      const applied = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r]));
      warnAboutHistory(logger, migrations, applied);

      const pending = migrations.filter((m) => !applied.has(m.name));
      options.onProgress?.({ type: "pending", names: pending.map((m) => m.name) });
      for (const [index, migration] of pending.entries()) {
        const total = pending.length;
        options.onProgress?.({ type: "applying", name: migration.name, index, total });
        const started = Date.now();
        const row = { id: randomUUID(), checksum: migration.checksum, name: migration.name };
        try {
          await session.exec(table.applyAndRecordScript(migration.sql, row));
        } catch (error) {
          const logs = failureLogs(migration.name, error);
          await table.insertFailedRow(session, { ...row, logs });
          logger.error({ migration: migration.name, err: error }, "migration failed");
          throw new DbError(
            DB_ERROR_CODES.MIGRATION_FAILED,
            blockedByFailure({ migration_name: migration.name, started_at: new Date(started), logs }).message,
            {
              cause: error,
              details: { migration: migration.name },
            },
          );
        }
        const durationMs = Date.now() - started;
        logger.info({ migration: migration.name, durationMs }, "migration applied");
        options.onProgress?.({ type: "applied", name: migration.name, index, total, durationMs });
      }
      return { applied: pending.map((m) => m.name), alreadyApplied: applied.size };
    });
  } catch (error) {
    throw toDbError(error, "Migrating the database failed");
  }
}

/** Options for {@link markMigrationRolledBack}. */
export type MarkMigrationRolledBackOptions = MigrationTarget & { migrationName: string };

/**
 * Marks a failed migration as rolled back (like `prisma migrate resolve --rolled-back`), after
 * you repaired the database by hand; the next migrate run applies it again.
 * Throws INVALID_INPUT when `migrationName` has no unresolved failure.
 */
export async function markMigrationRolledBack(options: MarkMigrationRolledBackOptions): Promise<void> {
  const executor = resolveExecutor(options);
  const changed = await executor.withSession(async (session) => {
    await table.ensureMigrationsTable(session);
    return table.markRolledBack(session, options.migrationName);
  });
  if (changed === 0) {
    throw new DbError(DB_ERROR_CODES.INVALID_INPUT, `Migration "${options.migrationName}" has no unresolved failure to mark rolled back.`, {
      details: { migration: options.migrationName },
    });
  }
}
