// A database outage (server down, restarting, unreachable, out of connections) is not the
// caller's fault and not a bug: callers tell their users "try again later" and log it once, not
// as an internal error per request. Contexts wrap driver errors as INTERNAL with the original as
// `cause`, so the whole cause chain is examined.

/** Prisma error codes meaning the database could not be reached or dropped the connection. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** Driver-adapter error kinds with the same meaning (`meta.driverAdapterError.cause.kind`). */
const ADAPTER_UNAVAILABLE = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "DatabaseAccessDenied"]);
/** Socket errors from node-postgres. */
const SOCKET_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EPIPE", "EAI_AGAIN"]);
/** SQLSTATEs: class 08 (connection exception), 57P01..57P03 (shutdown, crash, cannot connect now), 53300 (too many connections). */
const SQLSTATE_UNAVAILABLE = /^(08...|57P0[123]|53300)$/;
// "connect ENOENT <path>": a Unix socket that is gone (the embedded database's thread stopped).
const DRIVER_MESSAGES = /Connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect|\bconnect ENOENT\b/i;

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
}

function unavailableItself(e: ErrorLike): boolean {
  const code = typeof e.code === "string" ? e.code : "";
  if (code === "CONNECTION_FAILED" && (e as { name?: unknown }).name === "DbError") return true;
  if (PRISMA_UNAVAILABLE.has(code) || SOCKET_UNAVAILABLE.has(code) || SQLSTATE_UNAVAILABLE.test(code)) return true;
  const adapter = e.meta?.driverAdapterError?.cause;
  if (typeof adapter?.kind === "string" && ADAPTER_UNAVAILABLE.has(adapter.kind)) return true;
  if (typeof adapter?.originalCode === "string" && SQLSTATE_UNAVAILABLE.test(adapter.originalCode)) return true;
  return typeof e.message === "string" && DRIVER_MESSAGES.test(e.message);
}

/**
 * True when `error` (or anything in its `cause` chain, up to 8 deep) says the database is
 * unavailable: unreachable, shutting down, connection lost, or out of connections. Such failures
 * are the database's, never the request's: report them as "unavailable", not as internal errors.
 * Works on DbError (CONNECTION_FAILED, or INTERNAL wrapping a driver error), Prisma errors and
 * node-postgres errors.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 8 && typeof current === "object" && current !== null; depth += 1) {
    if (unavailableItself(current)) return true;
    current = (current as ErrorLike).cause;
  }
  return false;
}
