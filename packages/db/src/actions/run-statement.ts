// Sending an action's one statement (ActionSpec.statement) on its own, and what its row means.
import { causeChain } from "../cause-chain.js";
import type { DbClient } from "../client.js";
import { withAppendedEvents } from "../events/append-events.js";
import { queryRows } from "../open/raw-pool.js";
import type { ActionResult, ActionStatement, StatementRow } from "./action.js";

/** Sends an action's statement with its events (one round trip; `notify` as in withAppendedEvents) and returns the action's result. */
export async function runStatement<R>(db: DbClient, statement: ActionStatement<R>, notify: boolean): Promise<ActionResult<R>> {
  let row: StatementRow | undefined;
  try {
    [row] = await queryRows<StatementRow>(db, withAppendedEvents(statement.sql, statement.events, notify));
  } catch (error) {
    throw refusalOf(statement, error);
  }
  if (!row) throw new Error("an action's statement returned no row");
  return statementResult(db, statement, row);
}

/** The action's result from its statement's row (the statement's `result`, and its events when "ok"). */
export async function statementResult<R>(db: DbClient, statement: ActionStatement<R>, row: StatementRow): Promise<ActionResult<R>> {
  const result = await statement.result(row, db);
  return { result, events: row.ok ? [...(statement.wrote?.(row) ?? []), ...statement.events] : [], replayed: false };
}

/** What a statement's failure means to its action: the action's DbError when it aborted itself with raise_refusal, else `error`. */
export function refusalOf(statement: ActionStatement<unknown>, error: unknown): unknown {
  const refusal = refusalCode(error);
  return (refusal !== undefined && statement.refused?.(refusal)) || error;
}

// Prisma's raw query error (P2010) quotes the database's code and message.
const PRISMA_REFUSAL = /Code: `P0001`\. Message: `([A-Z_]+)`/;

/** The code of raise_refusal (SQLSTATE P0001, the code as its message), from node-postgres's or Prisma's error. */
function refusalCode(error: unknown): string | undefined {
  for (const { code, message } of causeChain(error, 4) as { code?: unknown; message?: unknown }[]) {
    if (code === "P0001" && typeof message === "string") return message;
    if (code === "P2010" && typeof message === "string") return PRISMA_REFUSAL.exec(message)?.[1];
  }
  return undefined;
}
