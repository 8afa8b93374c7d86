// setActiveTitle called on its own is one statement with its event (ActionSpec.statement): one
// round trip, atomic without an explicit transaction, and its event announced like any other.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import {
  DB_ERROR_CODES,
  GAME_EVENTS_CHANNEL,
  grantTitle,
  openDatabase,
  setActiveTitle,
  shareRawPool,
  type ActionOptions,
  type Database,
  type PrismaClient,
} from "../src/index.js";
import { createTestDatabase, createTestDatabaseDir, makeAccount, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { recordingClient } from "./recording-client.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

/** `client` recording the name of each of its `$` methods called (queries, transactions). */
const counting = (client: PrismaClient, calls: string[]) => recordingClient(client, (method) => calls.push(method));

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

  it("Action.statement is the statement it sends", async () => {
    const { id } = await makeAccount(db.client);
    const now = new Date("2026-12-01T00:00:00Z");
    const sent: { text: string; values: unknown[] }[] = [];
    const recording = recordingClient(db.client, (method, args) => {
      if (method === "$queryRaw") sent.push(args[0] as { text: string; values: unknown[] });
    });
    await setActiveTitle(recording, { ...opts, now, accountId: id, titleId: 0 });
    const expected = setActiveTitle.statement!({ accountId: id, titleId: 0 }, { actor: opts.actor, now, rules: opts.rules });
    expect(sent.map((sql) => ({ text: sql.text, values: sql.values }))).toEqual([{ text: expected?.text, values: expected?.values }]);
    expect(() => setActiveTitle.statement!({ accountId: -1, titleId: 0 }, { actor: opts.actor, now, rules: opts.rules })).toThrow(/accountId/);
  });

  it("on a database's own client, and one extended with shareRawPool, skips Prisma's query engine", async () => {
    // The in-memory test database has no pool: open the embedded database as the server does.
    const dir = db.kind === "postgres" ? undefined : await mkdtemp(path.join(os.tmpdir(), "bezgelor-statement-"));
    if (dir !== undefined) await createTestDatabaseDir(dir);
    const opened = dir === undefined ? db : await openDatabase({ config: { dir } });
    try {
      await throughThePool(opened.client);
    } finally {
      if (dir !== undefined) {
        await opened.close();
        await rm(dir, { recursive: true, force: true });
      }
    }
  });

  async function throughThePool(base: PrismaClient): Promise<void> {
    const { id } = await makeAccount(base);
    await grantTitle(base, { ...opts, source: "gm", accountId: id, titleId: 1001 });
    const extended = base.$extends({}) as unknown as PrismaClient;
    shareRawPool(base, extended);
    for (const client of [base, extended]) {
      const viaPrisma = vi.spyOn(client, "$queryRaw");
      try {
        await setActiveTitle(client, { ...opts, accountId: id, titleId: 1001 });
        await expectDbError(setActiveTitle(client, { ...opts, accountId: id, titleId: 2001 }), DB_ERROR_CODES.TITLE_NOT_OWNED);
        expect(viaPrisma).not.toHaveBeenCalled();
      } finally {
        viaPrisma.mockRestore();
      }
    }
    await expect(base.account.findUniqueOrThrow({ where: { id } })).resolves.toMatchObject({ activeTitleId: 1001 });
  }

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
