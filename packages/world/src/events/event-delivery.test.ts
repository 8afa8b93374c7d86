import { LastCatalog } from "../journal/last-catalog";
import type { Database, DbClient } from "@bezgelor/db";
import type { GameData } from "@bezgelor/data";
import pino from "pino";
import { describe, expect, it, vi } from "vitest";
import { EventDelivery } from "./event-delivery";
import type { Recipients } from "./recipients";

// A database whose claim statement takes a real round trip (as PostgreSQL's does) and finds
// nothing: enough to drive the flush loop without a server.
function slowEmptyDatabase(): { db: DbClient; claims: () => number } {
  let claims = 0;
  const db = {
    $queryRaw: async () => {
      claims += 1;
      await new Promise((resolve) => setTimeout(resolve, 2));
      return [];
    },
  };
  return { db: db as unknown as DbClient, claims: () => claims };
}

function delivery(db: DbClient, database: Pick<Database, "kind" | "client"> = { kind: "postgres", client: db as Database["client"] }): EventDelivery {
  return new EventDelivery({
    database: { listen: () => Promise.resolve(() => Promise.resolve()), ...database },
    db,
    data: {} as GameData,
    recipients: {} as Recipients,
    realmId: 1,
    lastCatalog: new LastCatalog(),
    logger: pino({ level: "silent" }),
    pollIntervalMs: 60_000,
    retentionSeconds: 3600,
  });
}

describe("EventDelivery.flush", () => {
  it("resolves after one claim pass that started after it, even while other sessions keep flushing", async () => {
    const { db, claims } = slowEmptyDatabase();
    const events = delivery(db);
    // Busy sessions: a flush request on every turn of the event loop, so every claim pass ends
    // with new requests already waiting and the drain loop never runs dry.
    let busy = true;
    const others = (): void => {
      if (!busy) return;
      void events.flush();
      setImmediate(others);
    };
    others();
    const before = claims();
    const outcome = await Promise.race([events.flush().then(() => "delivered"), new Promise((r) => setTimeout(() => r("still waiting after 5 s"), 5000))]);
    busy = false;
    await events.stop();
    expect(outcome).toBe("delivered");
    // Served by the pass in progress or the next one, never later.
    expect(claims() - before).toBeLessThanOrEqual(2);
  });

  it("a flush during a pass is served by a later pass, not the one in progress", async () => {
    const { db, claims } = slowEmptyDatabase();
    const events = delivery(db);
    const first = events.flush();
    await new Promise((r) => setTimeout(r, 1)); // the first pass is now waiting on its claim
    let secondDone = false;
    const second = events.flush().then(() => (secondDone = true));
    await first;
    expect(secondDone).toBe(false);
    await second;
    expect(claims()).toBe(2);
    await events.stop();
  });

  it("resolves waiting callers when stopped", async () => {
    const { db } = slowEmptyDatabase();
    const events = delivery(db);
    const pending = events.flush();
    await events.stop();
    await expect(pending).resolves.toBeUndefined();
    await expect(events.flush()).resolves.toBeUndefined();
  });
});

describe("EventDelivery's minute of upkeep", () => {
  /**
   * A client that records the SQL sent through it, finds every table due, and reports PostgreSQL's
   * autovacuum daemon as `autovacuum` says.
   */
  function recordingClient(autovacuum: boolean): { client: Database["client"]; sql: string[] } {
    const sql: string[] = [];
    const client = {
      $queryRawUnsafe: (text: string) => {
        sql.push(text);
        return Promise.resolve(text.includes('AS "on"') ? [{ on: autovacuum }] : [{ relname: "game_events", vacuum: true }]);
      },
      $executeRawUnsafe: (text: string) => {
        sql.push(text);
        return Promise.resolve(0);
      },
    };
    return { client: client as unknown as Database["client"], sql };
  }

  it.each([
    ["pglite", "on", true],
    ["postgres", "on", false],
    ["postgres", "off", true],
    ["pglite-remote", "off", false],
  ] as const)("on a %s database with autovacuum %s, vacuums the tables due after the prune: %s", async (kind, autovacuum, vacuums) => {
    // Only the intervals are faked: the minute passes at once, the promises run for real.
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      const db = { $queryRaw: () => Promise.resolve([]), gameEvent: { deleteMany: () => Promise.resolve({ count: 0 }) } } as unknown as DbClient;
      const { client, sql } = recordingClient(autovacuum === "on");
      const events = delivery(db, { kind, client });
      await events.start();
      vi.advanceTimersByTime(60_000);
      for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
      expect(sql.includes('VACUUM (ANALYZE) "game_events"')).toBe(vacuums);
      await events.stop();
    } finally {
      vi.useRealTimers();
    }
  });
});
