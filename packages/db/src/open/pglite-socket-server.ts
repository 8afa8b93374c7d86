// Serves an in-process PGlite to other local processes over a Unix socket, speaking the
// PostgreSQL wire protocol, so the admin CLI works while the world server holds the directory.
//
// Why not @electric-sql/pglite-socket: its queue only takes PGlite's query mutex, so a remote
// statement can run in the middle of one of the server's own transactions (and vice versa), and
// its peer dependency pins another PGlite patch release. Here every remote "unit" (messages up to
// a ReadyForQuery that says idle) runs under PGlite's transaction mutex, the same one its own
// `transaction()` and `query()` take: remote and local work never interleave.
//
// PGlite is one backend, so a notification (LISTEN/NOTIFY) arrives in the reply of whichever
// connection's statement committed it; it is passed on to every other connection that has run a
// LISTEN, and each pg client's LISTEN then sees what it would see on PostgreSQL. Connections that
// never listened (the pool's) are not sent it: one write per listener per notifying commit, not
// one per connection. A connection stays a listener until it closes (an UNLISTEN's tag does not
// say whether it still listens on another channel), which only costs writes the client ignores.
import { chmod, mkdir, unlink } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import type { DbLogger } from "../logger.js";
import { FrontendReader, rollbackMessages, scanReply, SSL_REFUSED } from "./wire.js";

/** A remote client may hold the database this long inside a transaction without sending anything. */
const IDLE_IN_UNIT_MS = 30_000;

/** Options for {@link PgliteSocketServer}. */
export interface PgliteSocketServerOptions {
  /**
   * PGlite itself failed under a statement (an exception, not an SQL error, which is answered to
   * the client). Without it such a failure only closes that client's connection.
   */
  onFailure?: (error: unknown) => void;
}

/** The socket server; start() then stop() once. */
export class PgliteSocketServer {
  readonly #db: PGlite;
  readonly #socketPath: string;
  readonly #logger: DbLogger;
  readonly #options: PgliteSocketServerOptions;
  readonly #server: net.Server;
  readonly #sockets = new Set<net.Socket>();
  /** Connections that have run a LISTEN: the ones notifications are passed on to. */
  readonly #listeners = new Set<net.Socket>();
  readonly #serving = new Set<Promise<void>>();

  constructor(db: PGlite, socketPath: string, logger: DbLogger, options: PgliteSocketServerOptions = {}) {
    this.#db = db;
    this.#socketPath = socketPath;
    this.#logger = logger;
    this.#options = options;
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
        const first = await reader.nextBatch();
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
      this.#options.onFailure?.(error);
    } finally {
      this.#sockets.delete(socket);
      this.#listeners.delete(socket);
      socket.destroy();
    }
  }

  /** Runs messages until the backend is idle again; false when the client went away mid-unit. */
  async #runUnit(socket: net.Socket, reader: FrontendReader, first: Uint8Array): Promise<boolean> {
    let status = await this.#exec(first, socket);
    while (status !== "I") {
      const next = await reader.nextBatch(IDLE_IN_UNIT_MS);
      if (next === null || next.terminate || next.sslRequest) {
        await this.#abandon(status);
        return false;
      }
      status = (await this.#exec(next.bytes, socket)) ?? status;
    }
    return true;
  }

  /**
   * Executes frontend messages and forwards the reply; returns the last ReadyForQuery status.
   * Notifications in the reply also go to every other listening connection (see the file comment).
   */
  async #exec(message: Uint8Array, socket: net.Socket | null): Promise<string | undefined> {
    const chunks: Buffer[] = [];
    socket?.cork(); // the reply's chunks leave in one write
    try {
      await this.#db._runExclusiveQuery(() =>
        this.#db.execProtocolRawStream(message, {
          onRawData: (data) => {
            const copy = Buffer.from(data); // `data` is a view into PGlite's memory, reused for the next chunk
            chunks.push(copy);
            if (socket && !socket.destroyed) socket.write(copy);
          },
        }),
      );
    } finally {
      socket?.uncork();
    }
    const { status, notifications, listened } = scanReply(chunks);
    if (listened && socket) this.#listeners.add(socket);
    // Only this connection is mid-reply (units run one at a time), so these land between whole
    // messages on every other socket.
    for (const notification of notifications) {
      for (const other of this.#listeners) if (other !== socket && !other.destroyed) other.write(notification);
    }
    return status;
  }

  /** Leaves no half-finished extended query or open transaction behind for the next user. */
  async #abandon(status: string | undefined): Promise<void> {
    for (const message of rollbackMessages(status)) await this.#exec(message, null);
  }
}
