// A PostgreSQL that refuses every connection with one SQLSTATE, as a real server does when a
// database does not accept connections (`ALTER DATABASE x ALLOW_CONNECTIONS false`), is starting
// up, is full, or is gone: it reads the startup message and answers with the FATAL
// ErrorResponse PostgreSQL sends, then closes. node-postgres and Prisma's driver adapter turn
// that into their genuine error shapes, so tests of the outage paths need no shared server.
import { createServer, type Socket } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { closer, type Database } from "../open/database.js";
import { poolListen } from "../open/listen.js";

/** What the server answers every connection with. */
export interface ConnectionRefusal {
  /** The SQLSTATE, e.g. "55000". */
  code: string;
  /** The primary message, e.g. `database "x" is not currently accepting connections`. */
  message: string;
  /** The routine PostgreSQL names (ErrorResponse field R). */
  routine?: string;
}

/** The refusal of a database with `ALLOW_CONNECTIONS false`, word for word as PostgreSQL sends it (postinit.c). */
export function notAcceptingConnections(database: string): ConnectionRefusal {
  return { code: "55000", message: `database "${database}" is not currently accepting connections`, routine: "CheckMyDatabase" };
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

/** An ErrorResponse ('E') message: severity FATAL, the SQLSTATE, the message, the routine. */
function errorResponse(refusal: ConnectionRefusal): Buffer {
  const fields: Array<[string, string]> = [
    ["S", "FATAL"],
    ["V", "FATAL"],
    ["C", refusal.code],
    ["M", refusal.message],
    ["R", refusal.routine ?? "InitPostgres"],
  ];
  const body = Buffer.concat([...fields.map(([type, value]) => Buffer.from(`${type}${value}\0`, "utf8")), Buffer.from([0])]);
  const header = Buffer.alloc(5);
  header.write("E", 0, "ascii");
  header.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([header, body]);
}

/** Answers one connection: 'N' to SSL and GSS requests, the refusal to the startup message. */
function refuse(socket: Socket, refusal: ConnectionRefusal): void {
  let buffered = Buffer.alloc(0);
  socket.on("error", () => undefined);
  socket.on("data", (chunk) => {
    buffered = Buffer.concat([buffered, chunk]);
    while (buffered.length >= 8 && buffered.length >= buffered.readInt32BE(0)) {
      const length = buffered.readInt32BE(0);
      const request = buffered.readInt32BE(4);
      buffered = buffered.subarray(length);
      if (request === SSL_REQUEST || request === GSS_REQUEST) {
        socket.write("N");
        continue;
      }
      socket.end(errorResponse(refusal));
      return;
    }
  });
}

/** A loopback server refusing every connection with `refusal`; its URL names database `refused`. */
export async function refusingPostgresServer(refusal: ConnectionRefusal): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    refuse(socket, refusal);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no port");
  const close = () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
  return { url: `postgresql://postgres@127.0.0.1:${address.port}/refused`, close };
}

/**
 * A Database whose every query fails the way a PostgreSQL refusing connections with `refusal`
 * makes it fail: a real Prisma client over node-postgres (the errors have the genuine shape).
 * Defaults to a database with `ALLOW_CONNECTIONS false`.
 */
export async function createRefusingDatabase(refusal: ConnectionRefusal = notAcceptingConnections("refused")): Promise<Database> {
  const server = await refusingPostgresServer(refusal);
  const pool = new pg.Pool({ connectionString: server.url, connectionTimeoutMillis: 2000 });
  pool.on("error", () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool), errorFormat: "minimal" });
  const close = closer([() => client.$disconnect(), () => pool.end(), () => server.close()], () => undefined);
  return { client, kind: "postgres", close, listen: poolListen(pool) };
}
