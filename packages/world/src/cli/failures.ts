import { DbError, isDatabaseUnavailable } from "@bezgelor/db";
import { outcomeOf } from "../error-outcomes";
import { WorldError } from "../errors";
import { EXIT_CODES, type ExitCode } from "./command";

/** Maps an error to the exit code scripts see (the table is `error-outcomes.ts`). */
export function exitCodeFor(err: unknown): ExitCode {
  // An outage is "unavailable" whatever the failing query was wrapped in.
  if (isDatabaseUnavailable(err)) return EXIT_CODES.UNAVAILABLE;
  return outcomeOf(err)?.exit ?? EXIT_CODES.FAILURE;
}

/** A one-line message for a person; unexpected errors keep their stack for the operator. */
export function describeError(err: unknown): string {
  if (err instanceof DbError || err instanceof WorldError) return `${err.message} [${err.code}]`;
  if (err instanceof Error) return err.stack ?? err.message;
  return String(err);
}
