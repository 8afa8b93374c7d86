// A connection taken out of a node-postgres pool is the holder's to watch: the pool listens for its
// 'error' event only while it is idle. A server that ends the session between two queries
// (pg_terminate_backend, a restart, the embedded database's owner killed) makes the client emit
// 'error', and an EventEmitter with no listener throws it: an uncaught exception that kills the
// process. The holder keeps the error instead, to fail its next query with it.
import type pg from "pg";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { outageReason } from "./unavailable.js";

/** A pooled connection held for a while, whose loss is remembered instead of thrown. */
export interface HeldConnection {
  /** Runs one query; rejects CONNECTION_FAILED once the connection was lost, naming why. */
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
  /** The error the connection emitted while held, if it did. */
  readonly lost: Error | undefined;
  /** Gives it back to the pool, which discards it when it was lost. */
  release(): void;
}

/**
 * Takes a connection from `pool` for `purpose` (what it is held for, as in "lost while <purpose>":
 * "checking for and applying migrations, ..."), listening for its
 * 'error' event until released. Rejects with the pool's error when it cannot connect.
 */
export async function holdConnection(pool: pg.Pool, purpose: string): Promise<HeldConnection> {
  const client = await pool.connect();
  let lost: Error | undefined;
  const onError = (error: Error) => {
    // The first error with a code (SQLSTATE or errno) says why; "Connection terminated" may come first.
    if (lost === undefined || (!hasCode(lost) && hasCode(error))) lost = error;
  };
  client.on("error", onError);
  const failure = (error: Error) =>
    new DbError(DB_ERROR_CODES.CONNECTION_FAILED, `The database connection was lost while ${purpose} (${outageReason(error)})`, { cause: error });
  return {
    get lost() {
      return lost;
    },
    async query(sql, params) {
      if (lost) throw failure(lost);
      try {
        return await client.query(sql, params);
      } catch (error) {
        if (!lost) throw error;
        // Whichever of the two carries a code (SQLSTATE or errno) says why; "not queryable" does not.
        throw failure(hasCode(error) ? error : lost);
      }
    },
    release() {
      client.release(lost);
      // The pool watches it again (idle) or has ended it; a late error must still find a listener.
      if (!lost) client.off("error", onError);
    },
  };
}

const hasCode = (error: unknown): error is Error & { code: string } => typeof (error as { code?: unknown } | null)?.code === "string";
