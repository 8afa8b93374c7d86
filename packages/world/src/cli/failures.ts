import { DbError, isDatabaseUnavailable, isInputValidationError, outageReason } from "@bezgelor/db";
import type { z } from "zod";
import { outcomeOf } from "../error-outcomes";
import { WorldError } from "../errors";
import { plainIssue } from "../plain-issue";
import { EXIT_CODES, type ExitCode } from "./command";

/** Maps an error to the exit code scripts see (the table is `error-outcomes.ts`). */
export function exitCodeFor(err: unknown): ExitCode {
  // An outage is "unavailable" whatever the failing query was wrapped in.
  if (isDatabaseUnavailable(err)) return EXIT_CODES.UNAVAILABLE;
  return outcomeOf(err)?.exit ?? EXIT_CODES.FAILURE;
}

/**
 * The code a script reads (`--json`'s `error.code`, the `[CODE]` of the line): the error's own, an
 * outage's CONNECTION_FAILED, or INTERNAL for anything else (a bug).
 */
export function errorCode(err: unknown): string {
  if (err instanceof DbError || err instanceof WorldError) return err.code;
  return isDatabaseUnavailable(err) ? "CONNECTION_FAILED" : "INTERNAL";
}

/**
 * A one-line message for a person, ending in its code (` [CODE]`) unless `withCode` is false (the
 * JSON error, which carries the code in a field of its own); unexpected errors keep their stack
 * for the operator. An action's refusal of malformed input (its validator's text) is said in plain
 * words field by field: the commands check their options first, so this is the net for what a
 * command does not check.
 */
export function describeError(err: unknown, { withCode = true }: { withCode?: boolean } = {}): string {
  const code = withCode ? ` [${errorCode(err)}]` : "";
  if (isInputValidationError(err)) {
    const issues = err.details?.issues as z.core.$ZodIssue[];
    return `invalid input: ${issues.map((i) => `${i.path.map(String).join(".") || "value"} ${plainIssue(i)}`).join("; ")}${code}`;
  }
  if (err instanceof DbError || err instanceof WorldError) return `${err.message}${code}`;
  // A lost connection is the database's, not a bug: one line naming its SQLSTATE or errno, no stack.
  if (isDatabaseUnavailable(err)) return `the database connection failed or was lost (${outageReason(err)})${code}`;
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}
