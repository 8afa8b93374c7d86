// setActiveTitle called on its own is one statement with its event (ActionSpec.statement): one
// round trip, atomic without an explicit transaction, and its event announced like any other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, GAME_EVENTS_CHANNEL, grantTitle, setActiveTitle, type ActionOptions, type Database, type PrismaClient } from "../src/index.js";
import { createTestDatabase, makeAccount, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

/** `client` recording the name of each of its `$` methods called (queries, transactions). */
function counting(client: PrismaClient, calls: string[]): PrismaClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || !prop.startsWith("$") || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(prop);
        return Reflect.apply(value, target, args);
      };
    },
  });
}

describe("setActiveTitle as one statement", () => {
  it("sends one query and no transaction, writes its event, then announces it", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { ...opts, source: "gm", accountId: id, titleId: 1001 });
    const payloads: string[] = [];
    const unlisten = await db.listen(GAME_EVENTS_CHANNEL, (payload) => void payloads.push(payload));
    try {
      const calls: string[] = [];
      const set = await setActiveTitle(counting(db.client, calls), { ...opts, accountId: id, titleId: 1001 });
      // The action's one statement, then its announcement after commit (announceEvents).
      expect(calls).toEqual(["$queryRaw", "$executeRaw"]);
      expect(set).toEqual({
        result: { activeTitleId: 1001, before: null },
        events: [{ kind: "title.active-changed", accountId: id, characterId: null, titleId: 1001 }],
        replayed: false,
      });
      const event = await db.client.gameEvent.findFirstOrThrow({ where: { accountId: id }, orderBy: { id: "desc" } });
      expect(event).toMatchObject({ kind: "title.active-changed", accountId: id, payload: { titleId: 1001 } });
      await expect.poll(() => payloads, { timeout: 5000 }).toContain("");
      const failed: string[] = [];
      await expectDbError(setActiveTitle(counting(db.client, failed), { ...opts, accountId: id, titleId: 2001 }), DB_ERROR_CODES.TITLE_NOT_OWNED);
      expect(failed).toEqual(["$queryRaw"]);
      expect(await db.client.gameEvent.count({ where: { accountId: id, kind: "title.active-changed" } })).toBe(1);
    } finally {
      await unlisten();
    }
  });

  it("when its event cannot be written, the title is not changed either", async () => {
    const { id } = await makeAccount(db.client);
    await grantTitle(db.client, { ...opts, source: "gm", accountId: id, titleId: 1001 });
    const events = await db.client.gameEvent.count({ where: { accountId: id } });
    await db.client.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_event"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$`);
    await db.client.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_event" BEFORE INSERT ON "game_events" FOR EACH ROW EXECUTE FUNCTION "test_refuse_event"()`);
    try {
      await expectDbError(setActiveTitle(db.client, { ...opts, accountId: id, titleId: 1001 }), DB_ERROR_CODES.INTERNAL);
    } finally {
      await db.client.$executeRawUnsafe(`DROP TRIGGER "test_refuse_event" ON "game_events"`);
      await db.client.$executeRawUnsafe(`DROP FUNCTION "test_refuse_event"()`);
    }
    await expect(db.client.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: null });
    expect(await db.client.gameEvent.count({ where: { accountId: id } })).toBe(events);
  });
});
