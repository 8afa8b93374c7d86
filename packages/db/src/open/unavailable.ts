// A database outage (server down, restarting, unreachable, out of connections, refusing
// connections) is not the caller's fault and not a bug: callers tell their users "try again
// later" and log it once, not as an internal error per request. Contexts wrap driver errors as
// INTERNAL with the original as `cause`, so the whole cause chain is examined.

import { causeChain } from "../cause-chain.js";

/** Prisma error codes meaning the database could not be reached or dropped the connection. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver-adapter error kinds with the same meaning (`meta.driverAdapterError.cause.kind`). */
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseAccessDenied",
  "DatabaseDoesNotExist",
]);
/** Socket errors from node-postgres. */
const SOCKET_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
/**
 * SQLSTATEs PostgreSQL answers when the database cannot be reached or used right now, whatever
 * the request:
 * - class 08, connection exception (the connection failed or was lost);
 * - 57P01 admin_shutdown (backend terminated: pg_terminate_backend, a fast shutdown), 57P02
 *   crash_shutdown, 57P03 cannot_connect_now (starting up, shutting down, in recovery), 57P04
 *   database_dropped (a standby's connection ended by its database's drop);
 * - 53300 too_many_connections (max_connections, or the database's or role's connection limit);
 * - 28000 invalid_authorization_specification (pg_hba.conf rejects the connection: an operator
 *   shutting the server out), which the driver adapter already reports as DatabaseAccessDenied:
 *   listed so node-postgres's own error (raw queries, the journal's and the CLI's pools) agrees;
 * - 3D000 invalid_catalog_name, "database does not exist" at connection: the database was dropped
 *   or renamed under the server (a restore from a dump, a blue/green rename). The server can
 *   serve nothing until an operator brings it back, and nothing in the request caused it; this
 *   server names no other database in its queries, so no request can cause a 3D000 itself.
 * Not listed: 57014 query_canceled (a statement timeout: that query's, not an outage), 57P05
 * (idle_session_timeout on PostgreSQL, another meaning on some forks; it ends only idle pooled
 * connections, which the pool drops by itself), 28P01 (a wrong password is a configuration error
 * that openDatabase reports at start).
 */
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[1234]|53300|28000|3D000)$/;
/**
 * 55000 object_not_in_prerequisite_state is a broad class (currval before nextval, replication
 * slots in use...); only its connection-time form, `database "x" is not currently accepting
 * connections` (`ALTER DATABASE x ALLOW_CONNECTIONS false`, a database being dropped or taken
 * down for maintenance), is an outage. Told by the message, the only thing that distinguishes it
 * (PostgreSQL's English text; a server with translated `lc_messages` is not recognised).
 */
const NOT_ACCEPTING_CONNECTIONS = /is not currently accepting connections/;
// "connect ENOENT <path>": a Unix socket that is gone (the embedded database's thread stopped).
const DRIVER_MESSAGES = /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|\bconnect ENOENT\b/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown; originalMessage?: unknown } } };
}

/** Whether a SQLSTATE with its message says the database is unavailable. */
function unavailableSqlState(code: unknown, message: unknown): boolean {
  if (typeof code !== "string") return false;
  if (SQLSTATE_UNAVAILABLE.test(code)) return true;
  return code === "55000" && typeof message === "string" && NOT_ACCEPTING_CONNECTIONS.test(message);
}

function unavailableItself(e: ErrorLike): boolean {
  const code = typeof e.code === "string" ? e.code : "";
  if (code === "CONNECTION_FAILED" && (e as { name?: unknown }).name === "DbError") return true;
  if (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code) || unavailableSqlState(code, e.message)) return true;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (typeof adapter?.kind === "string" && ADAPTER_UNAVAILABLE.has(adapter.kind)) return true;
  if (unavailableSqlState(adapter?.originalCode, adapter?.originalMessage)) return true;
  return typeof e.message === "string" && DRIVER_MESSAGES.test(e.message);
}

/**
 * True when `error` (or anything in its `cause` chain, up to 8 deep) says the database is
 * unavailable: unreachable, shutting down or starting up, connection lost, out of connections,
 * refusing connections (`ALLOW_CONNECTIONS false`, pg_hba.conf) or gone (dropped or renamed
 * under the server). Such failures are the database's, never the request's: report them as
 * "unavailable", not as internal errors. Works on DbError (CONNECTION_FAILED, or INTERNAL
 * wrapping a driver error), Prisma errors (through the driver adapter's error) and node-postgres
 * errors. Never throws.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  return causeChain(error).some(unavailableItself);
}

/**
 * The code and one-line message of what made `error` an outage, for a person: a SQLSTATE
 * (`57P01: terminating connection due to administrator command`), a socket errno
 * (`ECONNRESET: read ECONNRESET`), or the driver's own words. Prisma's multi-line "Invalid
 * `prisma.x()` invocation" text is skipped for its last line or the driver adapter's original error. Never throws.
 */
export function outageReason(error: unknown): string {
  for (const e of causeChain(error) as ErrorLike[]) {
    const adapter = e.meta?.driverAdapterError?.cause;
    if (typeof adapter?.originalCode === "string") return reason(adapter.originalCode, adapter.originalMessage);
    if (typeof e.code === "string" && (SOCKET_UNAVAILABLE.has(e.code) || unavailableSqlState(e.code, e.message))) return reason(e.code, e.message);
    if (typeof e.message === "string" && DRIVER_MESSAGES.test(e.message) && e.cause === undefined) return lastLine(e.message);
  }
  return lastLine(error instanceof Error ? error.message : String(error));
}

// Prisma's text ends with the driver's own words ("Invalid `prisma.x()` invocation:", blank lines, "write EPIPE").
const lastLine = (text: string): string =>
  text
    .split("\n")
    .map((line) => line.trim())
    .findLast((line) => line !== "") ?? "no message";

const reason = (code: string, message: unknown): string => (typeof message === "string" && message.trim() !== "" ? `${code}: ${lastLine(message)}` : code);
