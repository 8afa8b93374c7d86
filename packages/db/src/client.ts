// What every context takes as its first argument: the client, or a transaction of it. Contexts
// never import a global client (documenso/cal.com lesson: globals make tests share state).
import type { Prisma, PrismaClient } from "./generated/prisma/client";

/** A Prisma client or an interactive-transaction client. */
export type DbClient = PrismaClient | Prisma.TransactionClient;

/** Options passed to Prisma's interactive `$transaction`. */
export interface TransactionOptions {
  maxWait?: number;
  timeout?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
}

// Prisma 7 transaction clients have a `$transaction` of their own (nested transactions through
// savepoints, which the PGlite adapter does not implement), but never `$connect`.
/** Whether `db` is a full client (its own transactions) rather than a transaction client. */
export function isFullClient(db: DbClient): db is PrismaClient {
  return typeof (db as { $connect?: unknown }).$connect === "function";
}

/**
 * Transaction limits when none are given. Prisma's defaults (2 s to get a connection, 5 s to
 * finish) turn a queue of changes on a busy server into failures: 50 racing deducts on a pool of
 * 20 wait for a connection and then for the balance row's lock, in turn, and 15 character creates
 * from 15 CLI processes at once wait for the embedded database's one connection. Waiting longer is
 * right for a change a player or an operator is waiting on; a real deadlock is still broken by
 * PostgreSQL.
 */
export const DEFAULT_TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 30_000 } as const;

/**
 * Runs `fn` in a transaction: a new one on a full client (limits: `options`, else
 * {@link DEFAULT_TRANSACTION_OPTIONS}), or the caller's when `db` already is a transaction client
 * (so contexts compose). On PGlite everything inside `fn` must use the `tx` argument: a query on
 * the outer client waits for the transaction and deadlocks.
 * Rejects with whatever `fn` throws, after rolling back.
 */
export async function runTransaction<T>(
  db: DbClient,
  fn: (tx: Prisma.TransactionClient) => Promise<T>,
  options: TransactionOptions = DEFAULT_TRANSACTION_OPTIONS,
): Promise<T> {
  if (isFullClient(db)) return db.$transaction(fn, options);
  return fn(db);
}
