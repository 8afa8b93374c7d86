// The store's offline journal in a running world server: a purchase made while the database is
// down is kept on disk and answered PurchasePending, then applied exactly once when it is back
// (or refused with its reason), and the buyer is told; a crash between the commit and the
// settling line applies nothing twice.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { auditLedger, deductCurrency, getDatabaseIdentity, STORE_ERROR, type ActionOptions } from "@bezgelor/db";
import { STORE_CURRENCY_ID } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OfflineJournal } from "../src/journal/offline-journal";
import { replayJournal } from "../src/journal/replay-journal";
import { gm } from "./support/gm";
import { balancesOf, shopper, startStoreWorld } from "./support/store";
import type { TestWorld } from "./support/world";

const { NCoin } = STORE_CURRENCY_ID;
let t: TestWorld;
let opts: ActionOptions;
let dir: string;
let journal: OfflineJournal;
let identity: Promise<string>;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bezgelor-store-journal-"));
  journal = await OfflineJournal.open(path.join(dir, "journal.jsonl"));
  // The server's own replay loop stays out of the way: each test replays when it means to.
  ({ t, opts } = await startStoreWorld({ journal, store: { journalRetrySeconds: 3600 } }));
  identity = getDatabaseIdentity(t.db);
});
afterAll(async () => {
  await t.close(); // closes the journal too
  await rm(dir, { recursive: true, force: true });
});

const pending = { success: false, error: STORE_ERROR.PurchasePending };
const ok = { success: true, error: STORE_ERROR.Success };
const storeJournal = () => {
  const j = t.world.services.storeJournal;
  if (!j) throw new Error("the test world runs without a journal");
  return j;
};

/** A shopper who opened the store (so the server holds a catalog), then the database goes down. */
async function offlineShopper(premium: bigint) {
  const p = await shopper(t, opts, { premium });
  await p.client.openStore();
  t.outage.down = true;
  return p;
}

describe("the offline journal", () => {
  it("journals a purchase while the database is down, answers PurchasePending, and applies it once when it is back", async () => {
    const p = await offlineShopper(1000n);
    try {
      expect(await p.client.buy({ offerId: 401, currencyId: NCoin, price: 400, transactionId: 71 })).toEqual(pending);
      expect(await p.client.buy({ offerId: 401, currencyId: NCoin, price: 400, transactionId: 71 })).toEqual(pending); // the client's retry
      const mine = journal.pending().filter((e) => e.accountId === p.player.accountId);
      expect(mine.map((e) => e.database)).toEqual([await identity]); // read at start, while the database answered
    } finally {
      t.outage.down = false;
    }
    expect((await balancesOf(t, p.player)).premium).toBe(1000n);

    expect(await storeJournal().replay()).toMatchObject({ committed: 1, failed: 0, remaining: 0 });
    expect((await balancesOf(t, p.player)).premium).toBe(600n);
    await p.client.waitFor("ServerChat", (c) => c.text.includes("offline store purchase (offer 401) is complete"));
    await p.client.waitFor("ServerMailAvailable", (m) => m.mails.some((mail) => mail.subject === "Store purchase completed"));

    // Nothing is applied again: another replay, and the client's retry of the same transaction.
    expect(await storeJournal().replay()).toMatchObject({ committed: 0, remaining: 0 });
    expect(await p.client.buy({ offerId: 401, currencyId: NCoin, price: 400, transactionId: 71 })).toEqual(ok);
    expect((await balancesOf(t, p.player)).premium).toBe(600n);
    await expect(auditLedger(t.db)).resolves.toMatchObject({ ok: true });
  });

  it("holds the entries of another database, or of none, without applying them, until an operator claims the unmarked ones", async () => {
    const p = await shopper(t, opts, { premium: 1000n });
    const file = path.join(dir, "another-database.jsonl");
    const entry = (transactionId: number) => ({
      id: `storefront:${p.player.accountId}:${transactionId}`,
      accountId: p.player.accountId,
      characterId: p.player.characterId,
      offerId: 401,
      currency: "premium" as const,
      price: "400",
      at: new Date().toISOString(),
    });
    // A journal an older server wrote (no database named), then one entry for another database.
    await (await OfflineJournal.open(file)).close();
    await writeFile(file, `${JSON.stringify({ kind: "purchase", ...entry(81) })}\n`);
    const other = randomUUID();
    const held = await OfflineJournal.open(file);
    await held.append({ ...entry(82), database: other });
    const deps = { db: t.db, rules: opts.rules, logger: t.world.services.logger, journal: held };

    expect(await replayJournal(deps)).toEqual({ committed: 0, failed: 0, refused: [], remaining: 0, held: 2 });
    expect((await balancesOf(t, p.player)).premium).toBe(1000n); // nothing charged here
    expect(t.logged("made for another database").at(-1)).toMatchObject({ count: 1, journalDatabase: other, database: await identity, file });
    expect(t.logged("name no database").at(-1)).toMatchObject({ count: 1, database: await identity, file });
    await held.close();

    const reopened = await OfflineJournal.open(file);
    expect(reopened.pending().map((e) => e.id)).toEqual([entry(81).id, entry(82).id]); // untouched
    // The operator knows the old journal was written on this database: `store sync --claim`.
    expect(await replayJournal({ ...deps, journal: reopened, claimUnmarked: true })).toEqual({ committed: 1, failed: 0, refused: [], remaining: 0, held: 1 });
    expect((await balancesOf(t, p.player)).premium).toBe(600n);
    expect(reopened.pending().map((e) => e.id)).toEqual([entry(82).id]);
    await reopened.close();
  });

  it("journals a purchase while the database refuses connections (SQLSTATE 55000, ALLOW_CONNECTIONS false), as for any outage", async () => {
    const p = await shopper(t, opts, { premium: 1000n });
    await p.client.openStore();
    t.outage.as = "not-accepting";
    t.outage.down = true;
    try {
      expect(await p.client.buy({ offerId: 401, currencyId: NCoin, price: 400, transactionId: 76 })).toEqual(pending);
      expect(journal.pending().filter((e) => e.accountId === p.player.accountId)).toHaveLength(1);
    } finally {
      t.outage.down = false;
      t.outage.as = "unreachable";
    }
    expect(t.logged("handler failed")).toEqual([]);
    expect(await storeJournal().replay()).toMatchObject({ committed: 1, failed: 0, remaining: 0 });
    expect((await balancesOf(t, p.player)).premium).toBe(600n);
  });

  it("a purchase that fails unexpectedly is answered GenericFail (never left unanswered), logged, and charges nothing", async () => {
    const p = await shopper(t, opts, { premium: 1000n });
    await p.client.openStore();
    t.outage.as = "broken";
    t.outage.down = true;
    try {
      expect(await p.client.buy({ offerId: 401, currencyId: NCoin, price: 400, transactionId: 77 })).toEqual({
        success: false,
        error: STORE_ERROR.GenericFail,
      });
    } finally {
      t.outage.down = false;
      t.outage.as = "unreachable";
    }
    expect(t.logged("handler failed").at(-1)).toMatchObject({ packet: "ClientStorefrontPurchaseCharacter" });
    expect(p.client.pending("ServerRequestResult")).toEqual([]);
    expect(journal.pending().filter((e) => e.accountId === p.player.accountId)).toEqual([]);
    expect((await balancesOf(t, p.player)).premium).toBe(1000n);
  });

  it("!store_sync applies waiting purchases at once for an admin, and is refused to a player", async () => {
    const p = await offlineShopper(1000n);
    try {
      expect(await p.client.buy({ offerId: 401, currencyId: NCoin, price: 400, transactionId: 75 })).toEqual(pending);
    } finally {
      t.outage.down = false;
    }
    expect(await gm(p.client, "!store_sync")).toMatchObject({ refused: "FORBIDDEN" });
    const admin = await t.inWorld(await t.player({ role: "admin" }));
    expect(await gm(admin.client, "!store_sync")).toEqual({ reply: "store sync: 1 committed, 0 failed, 0 waiting" });
    expect((await balancesOf(t, p.player)).premium).toBe(600n);
  });

  it("refuses a price the last catalog does not show, and journals nothing", async () => {
    const p = await offlineShopper(1000n);
    try {
      expect(await p.client.buy({ offerId: 401, currencyId: NCoin, price: 300, transactionId: 72 })).toEqual({
        success: false,
        error: STORE_ERROR.InvalidPrice,
      });
    } finally {
      t.outage.down = false;
    }
    expect(journal.pending().filter((e) => e.accountId === p.player.accountId)).toEqual([]);
  });

  it("a purchase the buyer can no longer pay when the database is back fails with the reason and charges nothing", async () => {
    const p = await offlineShopper(500n);
    try {
      expect(await p.client.buy({ offerId: 401, currencyId: NCoin, price: 400, transactionId: 73 })).toEqual(pending);
    } finally {
      t.outage.down = false;
    }
    await deductCurrency(t.db, { ...opts, currency: "premium", accountId: p.player.accountId, amount: 200n, reason: "spent elsewhere", source: "admin" });
    // The report names the refused purchase and why (store sync prints it), not only a count.
    expect(await storeJournal().replay()).toMatchObject({
      committed: 0,
      failed: 1,
      refused: [{ accountId: p.player.accountId, offerId: 401, reason: "INSUFFICIENT_FUNDS" }],
      remaining: 0,
    });
    expect((await balancesOf(t, p.player)).premium).toBe(300n);
    await p.client.waitFor("ServerChat", (c) => c.text.includes("failed: INSUFFICIENT_FUNDS"));
    await p.client.waitFor("ServerMailAvailable", (m) => m.mails.some((mail) => mail.subject === "Store purchase failed"));
  });

  it("a crash after the commit, before the settling line, applies nothing twice on the next replay", async () => {
    const p = await shopper(t, opts, { premium: 1000n });
    const file = path.join(dir, "crash.jsonl");
    let crash = true;
    const crashing = await OfflineJournal.open(file, (step) => {
      if (step === "before-settle" && crash) throw new Error("killed before the settling line");
    });
    const id = `storefront:${p.player.accountId}:74`;
    await crashing.append({
      database: await identity,
      id,
      accountId: p.player.accountId,
      characterId: p.player.characterId,
      offerId: 401,
      currency: "premium",
      price: "400",
      at: new Date().toISOString(),
    });
    const deps = { db: t.db, rules: opts.rules, logger: t.world.services.logger };
    expect(await replayJournal({ ...deps, journal: crashing })).toMatchObject({ committed: 0, remaining: 1, stopped: "unexpected failure" });
    expect((await balancesOf(t, p.player)).premium).toBe(600n); // committed before the "crash"
    await crashing.close();

    crash = false;
    const restarted = await OfflineJournal.open(file);
    expect(restarted.pending().map((e) => e.id)).toEqual([id]);
    expect(await replayJournal({ ...deps, journal: restarted })).toMatchObject({ committed: 1, remaining: 0 });
    expect((await balancesOf(t, p.player)).premium).toBe(600n); // replayed by its key: charged once
    const notices = await t.db.mail.count({ where: { recipientCharacterId: p.player.characterId, subject: "Store purchase completed" } });
    expect(notices).toBe(1);
    await restarted.close();
  });
});
