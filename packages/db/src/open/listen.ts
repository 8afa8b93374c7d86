// LISTEN/NOTIFY for the event outbox's wake-up, on each backend. A listener only hurries delivery:
// the world server also polls, so a lost notification delays an event by one poll, never loses it.
import type { PGlite } from "@electric-sql/pglite";
import type pg from "pg";
import type { Listen } from "./database.js";

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Listens on a dedicated connection taken from the pool (held until unsubscribed). */
export function poolListen(pool: pg.Pool): Listen {
  return async (channel, onNotify) => {
    const client = await pool.connect();
    const handler = (message: pg.Notification) => {
      if (message.channel === channel) onNotify(message.payload ?? "");
    };
    client.on("notification", handler);
    // A broken listening connection must not crash the process; the poll carries on.
    client.on("error", () => undefined);
    await client.query(`LISTEN ${quoteIdent(channel)}`);
    return async () => {
      client.off("notification", handler);
      try {
        await client.query(`UNLISTEN ${quoteIdent(channel)}`);
        client.release();
      } catch (error) {
        client.release(error as Error);
      }
    };
  };
}

/** Listens through PGlite's own notification support. */
export function pgliteListen(pglite: PGlite): Listen {
  return async (channel, onNotify) => {
    const unsubscribe = await pglite.listen(channel, (payload) => onNotify(payload));
    return () => unsubscribe();
  };
}
