// Why the world server could not listen, as the operator can act on it: the setting to change
// (exit 2) or the port's holder to stop (exit 5), in one line, instead of Node's stack. The errno
// is in the message and `details`, not a `cause`: a cause with ENOTFOUND would read as a database
// outage to the checks that walk the cause chain (isDatabaseUnavailable).
import { WorldError } from "../errors";

/** Errno codes of a listen address that is not this machine's or not an address at all. */
const NOT_AN_ADDRESS_HERE = new Set(["EADDRNOTAVAIL", "ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "EAI_FAIL", "EINVAL"]);

/**
 * The WorldError of a failed `listen` on `host`:`port`: UNAVAILABLE (exit 5) when the port is
 * taken (EADDRINUSE); CONFIG_INVALID (exit 2) naming server.host when the host is not an address
 * of this machine or does not resolve, and server.port when it may not be bound (EACCES: below
 * 1024 without the privilege). Anything else comes back as it was.
 */
export function listenError(error: NodeJS.ErrnoException, host: string, port: number): Error {
  const code = error.code;
  const where = `${host}:${port}`;
  if (code === "EADDRINUSE") {
    return new WorldError(
      "UNAVAILABLE",
      `cannot listen on ${where}: the port is in use (EADDRINUSE); stop what holds it or set another (BEZGELOR_PORT, --port)`,
      {
        details: { host, port, errno: code },
      },
    );
  }
  if (code !== undefined && NOT_AN_ADDRESS_HERE.has(code)) {
    const why = code === "EADDRNOTAVAIL" || code === "EINVAL" ? "not an address of this machine" : "the name does not resolve";
    return new WorldError(
      "CONFIG_INVALID",
      `server.host: cannot listen on ${host}: ${why} (${code}); set BEZGELOR_HOST (--host) to one of its addresses, 0.0.0.0 or 127.0.0.1`,
      { details: { host, port, errno: code } },
    );
  }
  if (code === "EACCES") {
    return new WorldError(
      "CONFIG_INVALID",
      `server.port: not allowed to listen on ${where} (EACCES: ports below 1024 need the privilege); set BEZGELOR_PORT (--port)`,
      {
        details: { host, port, errno: code },
      },
    );
  }
  return error;
}
