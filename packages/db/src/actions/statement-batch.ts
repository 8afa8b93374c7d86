// Group commit for one-statement actions with a batch form (ActionSpec.batch). Calls of the same
// action on the same client that arrive while the database is busy are sent together, as one
// statement with one row per call, instead of one round trip and one commit each. A call made when
// nothing is waiting goes alone, as its own statement, without waiting: batching only ever replaces
// queueing.
import type { DbClient } from "../client.js";
import { withAppendedEventsPerRow } from "../events/append-events.js";
import type { Prisma } from "../generated/prisma/client";
import { queryRows, refusedByDatabase } from "../open/raw-pool.js";
import { isDatabaseUnavailable } from "../open/unavailable.js";
import type { ActionResult, ActionStatement, StatementRow } from "./action.js";
import { runStatement, statementResult } from "./run-statement.js";

/** One call of a batched action: its input with its statement, and how to answer it. */
interface Call<I> {
  readonly item: I;
  readonly statement: ActionStatement<unknown>;
  readonly resolve: (done: ActionResult<unknown>) => void;
  readonly reject: (error: unknown) => void;
}

/** A row of a batch statement: the statement's row and "n", its call's 1-based position in the batch. */
interface BatchRow extends StatementRow {
  n: number | bigint;
}

/**
 * How many batches of one action may be in flight on one client at once, and how many calls one
 * may carry. Two in flight keep the database busy while the server reads one batch's rows and
 * builds the next; 512 bounds a statement's size (its parameters and JSON) and how long its row
 * locks are held (on PGlite, 1,000 clients setting titles: 512 gave about a fifth more per second
 * than 256, and 1,024 no more than 512).
 */
export const STATEMENT_BATCH_LIMITS = { inFlight: 2, calls: 512 } as const;

/**
 * The group committer of one action on one client: `statement` makes one statement of 2 or more
 * calls (ActionSpec.batch).
 */
export class StatementBatcher<I> {
  readonly #db: DbClient;
  readonly #statement: (items: readonly I[]) => Prisma.Sql;
  readonly #waiting: Call<I>[] = [];
  #inFlight = 0;
  #scheduled = false;

  constructor(db: DbClient, statement: (items: readonly I[]) => Prisma.Sql) {
    this.#db = db;
    this.#statement = statement;
  }

  /**
   * Sends `statement` (the call's own statement, for `item`) in the next batch: alone when it is the
   * only call waiting. Resolves with the action's result for this call; rejects with its DbError
   * (a refusal of this call only), or the database's error when the call failed on its own.
   */
  submit<R>(item: I, statement: ActionStatement<R>): Promise<ActionResult<R>> {
    return new Promise<ActionResult<R>>((resolve, reject) => {
      this.#waiting.push({ item, statement, resolve: resolve as Call<I>["resolve"], reject });
      this.#schedule();
    });
  }

  // Once per turn of the event loop, so that every call the turn's packets made joins one batch.
  #schedule(): void {
    if (this.#scheduled || this.#inFlight >= STATEMENT_BATCH_LIMITS.inFlight || this.#waiting.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      while (this.#inFlight < STATEMENT_BATCH_LIMITS.inFlight && this.#waiting.length > 0) {
        const calls = this.#waiting.splice(0, STATEMENT_BATCH_LIMITS.calls);
        this.#inFlight += 1;
        void this.#send(calls).finally(() => {
          this.#inFlight -= 1;
          this.#schedule();
        });
      }
    });
  }

  async #send(calls: readonly Call<I>[]): Promise<void> {
    if (calls.length === 1) return this.#alone(calls[0] as Call<I>);
    let rows: (StatementRow | undefined)[];
    try {
      rows = await this.#oneStatement(calls);
    } catch (error) {
      // Without an answer from the database (the connection was lost), the batch may have
      // committed: sending its calls again could apply them twice, so each fails as a call sent
      // alone would; so does each when the database is unavailable.
      if (!refusedByDatabase(error) || isDatabaseUnavailable(error)) {
        for (const call of calls) call.reject(error);
        return;
      }
      // The database refused the batch, so it changed nothing (one statement). One call's failure
      // (a raise_refusal, a lock timeout) must not fail the others: each is sent again on its own,
      // in order.
      for (const call of calls) await this.#alone(call);
      return;
    }
    for (const [index, call] of calls.entries()) {
      const row = rows[index];
      if (row === undefined) call.reject(new Error(`a batch returned no row for call ${index + 1}`));
      else await statementResult(this.#db, call.statement, row).then(call.resolve, call.reject);
    }
  }

  /** The calls' rows, in the order of `calls`, from one statement. */
  async #oneStatement(calls: readonly Call<I>[]): Promise<(StatementRow | undefined)[]> {
    const batch = this.#statement(calls.map((call) => call.item));
    const events = calls.map((call) => call.statement.events);
    // Calls whose statements write their own events (ActionStatement.wrote) need no wrapper.
    const sql = events.some((list) => list.length > 0) ? withAppendedEventsPerRow(batch, events) : batch;
    const rows = await queryRows<BatchRow>(this.#db, sql);
    return calls.map((_, index) => {
      const row = rows[index];
      return row !== undefined && Number(row.n) === index + 1 ? row : undefined;
    });
  }

  async #alone(call: Call<I>): Promise<void> {
    await runStatement(this.#db, call.statement, false).then(call.resolve, call.reject);
  }
}
