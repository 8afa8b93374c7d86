// Serves an in-process PGlite to other local processes over a Unix socket, speaking the
// PostgreSQL wire protocol, so the admin CLI works while the world server holds the directory.
//
// Why not @electric-sql/pglite-socket: its queue only takes PGlite's query mutex, so a remote
// statement can run in the middle of one of the server's own transactions (and vice versa), and
// its peer dependency pins another PGlite patch release. Here every remote "unit" (messages up to
// a ReadyForQuery that says idle) runs under PGlite's transaction mutex, the same one its own
// `transaction()` and `query()` take: remote and local work never interleave.
import { chmod, mkdir, unlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { DbLogger } from "../logger.js";
import { FrontendReader, readyStatus, rollbackMessages, SSL_REFUSED } from "./wire.js";

/** A remote client may hold the database this long inside a transaction without sending anything. */
const IDLE_IN_UNIT_MS = 30_000;

/** The socket server; start() then stop() once. */
export class PgliteSocketServer {
  readonly #db: PGlite;
  readonly #socketPath: string;
  readonly #logger: DbLogger;
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  readonly #serving = new Set<Promise<void>>();

  constructor(db: PGlite, socketPath: string, logger: DbLogger) {
    this.#db = db;
    this.#socketPath = socketPath;
    this.#logger = logger;
    this.#server = net.createServer((socket) => {
      const serving = this.#serve(socket).finally(() => this.#serving.delete(serving));
      this.#serving.add(serving);
    });
  }

  /** Listens; a leftover socket file is removed first (the caller holds the directory lock). */
  async start(): Promise<void> {
    await mkdir(path.dirname(this.#socketPath), { recursive: true });
    await unlink(this.#socketPath).catch(() => undefined);
    await new Promise<void>((resolve, reject) => {
      this.#server.once("error", reject);
      this.#server.listen(this.#socketPath, () => {
        this.#server.off("error", reject);
        resolve();
      });
    });
    await chmod(this.#socketPath, 0o600); // same-user access only, like the data directory
    this.#logger.info({ socket: this.#socketPath }, "sharing the embedded database on a unix socket");
  }

  /** Disconnects every client (rolling back what they left open) and stops listening. */
  async stop(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
    // Let each connection finish its cleanup before the caller closes PGlite under it.
    await Promise.allSettled([...this.#serving]);
    await unlink(this.#socketPath).catch(() => undefined);
  }

  async #serve(socket: net.Socket): Promise<void> {
    this.#sockets.add(socket);
    const reader = new FrontendReader(socket);
    try {
      for (;;) {
        const first = await reader.next();
        if (first === null || first.terminate) break;
        if (first.sslRequest) {
          socket.write(SSL_REFUSED);
          continue;
        }
        const open = await this.#db._runExclusiveTransaction(() => this.#runUnit(socket, reader, first.bytes));
        if (!open) break;
      }
    } catch (error) {
      this.#logger.warn({ err: error }, "shared database connection failed");
    } finally {
      this.#sockets.delete(socket);
      socket.destroy();
    }
  }

  /** Runs messages until the backend is idle again; false when the client went away mid-unit. */
  async #runUnit(socket: net.Socket, reader: FrontendReader, first: Uint8Array): Promise<boolean> {
    let status = await this.#exec(first, socket);
    while (status !== "I") {
      const next = await reader.next(IDLE_IN_UNIT_MS);
      if (next === null || next.terminate || next.sslRequest) {
        await this.#abandon(status);
        return false;
      }
      status = (await this.#exec(next.bytes, socket)) ?? status;
    }
    return true;
  }

  /** Executes one frontend message and forwards the reply; returns the last ReadyForQuery status. */
  async #exec(message: Uint8Array, socket: net.Socket | null): Promise<string | undefined> {
    const chunks: Uint8Array[] = [];
    await this.#db._runExclusiveQuery(() =>
      this.#db.execProtocolRawStream(message, {
        onRawData: (data) => {
          chunks.push(data);
          if (socket && !socket.destroyed) socket.write(Buffer.from(data));
        },
      }),
    );
    return readyStatus(chunks);
  }

  /** Leaves no half-finished extended query or open transaction behind for the next user. */
  async #abandon(status: string | undefined): Promise<void> {
    for (const message of rollbackMessages(status)) await this.#exec(message, null);
  }
}
