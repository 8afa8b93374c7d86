// The vendor purchase writes its events in its own statement (not after the body, as other
// actions do): what it stores must be what it returns, in order, including events an enclosing
// action recorded before it, and a free item changes no gold.
import { Table, type Vendor } from "@bezgelor/data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { buyFromVendor, defineAction, grantCurrency, type ActionOptions, type Database, type GameEvent } from "../src/index.js";
import { fromJsonColumn } from "../src/json-codec.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { recordingClient } from "./recording-client.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions();
});
afterAll(() => db.close());

/** The character's events in the outbox, oldest first, as stored. */
async function stored(characterId: number): Promise<GameEvent[]> {
  const rows = await db.client.gameEvent.findMany({ where: { characterId }, orderBy: { id: "asc" } });
  return rows.map((r) => fromJsonColumn<GameEvent>(r.payload));
}

async function richCharacter() {
  const c = await makeCharacter(db.client);
  await grantCurrency(db.client, { ...opts, currency: "gold", characterId: c.id, amount: 1000n, reason: "grant", source: "admin" });
  return { ...c, grant: (await stored(c.id)).length };
}

// Records an event, buys inside its own transaction, then records another.
const shopping = defineAction({
  name: "test.shopping",
  input: z.object({ characterId: z.number().int(), accountId: z.number().int() }),
  describe: (i) => `Shopping for character ${i.characterId}`,
  async run(ctx, { characterId, accountId }) {
    ctx.emit({ kind: "experience.gained", accountId, characterId, amount: 1, total: 1, reason: "gm", source: "test" });
    const bought = await buyFromVendor.within(ctx, { characterId, vendorId: 8003, itemId: 30011, quantity: 3 });
    ctx.emit({ kind: "character.level-changed", accountId, characterId, from: 1, level: 2 });
    return bought;
  },
});

describe("a vendor purchase's events", () => {
  it("are stored as returned: the ledger entry and the count filled in by the statement", async () => {
    const c = await richCharacter();
    const { events } = await buyFromVendor(db.client, { ...opts, characterId: c.id, vendorId: 8003, itemId: 30010, quantity: 2 });
    const ledger = await db.client.currencyLedgerEntry.findFirstOrThrow({ where: { characterId: c.id, source: "vendor" } });
    expect(events).toEqual([
      {
        kind: "currency.changed",
        accountId: c.accountId,
        characterId: c.id,
        currency: "gold",
        delta: -100n,
        balanceBefore: 1000n,
        balanceAfter: 900n,
        ledgerEntryId: ledger.id,
        source: "vendor",
        reason: "vendor 8003 item 30010 x2",
      },
      { kind: "inventory.changed", accountId: c.accountId, characterId: c.id, itemId: 30010, delta: 2, count: 2 },
    ]);
    expect((await stored(c.id)).slice(c.grant)).toEqual(events);
  });

  it("at a vendor without a faction, is one query outside a transaction; at a faction's, a transaction", async () => {
    const c = await richCharacter();
    const calls: string[] = [];
    const counting = recordingClient(db.client, (method) => calls.push(method));
    await buyFromVendor(counting, { ...opts, characterId: c.id, vendorId: 8003, itemId: 30010, quantity: 1 });
    // The purchase's one statement, then its events' announcement after the commit.
    expect(calls).toEqual(["$queryRaw", "$executeRaw"]);
    calls.length = 0;
    await expect(buyFromVendor(counting, { ...opts, characterId: c.id, vendorId: 8001, itemId: 30001, quantity: 1 })).rejects.toThrow(/will not trade/);
    expect(calls).toEqual(["$transaction"]);
  });

  it("follow the events an enclosing action recorded before the purchase, and precede the ones after", async () => {
    const c = await richCharacter();
    const { events, result } = await shopping(db.client, { ...opts, characterId: c.id, accountId: c.accountId });
    expect(result).toEqual({ unitPrice: 20n, spent: 60n, balance: 940n, count: 3 });
    expect(events.map((e) => e.kind)).toEqual(["experience.gained", "currency.changed", "inventory.changed", "character.level-changed"]);
    expect((await stored(c.id)).slice(c.grant)).toEqual(events);
  });

  it("of a free item: no gold moves and no ledger row, the items and their event are stored", async () => {
    const c = await richCharacter();
    const free: Vendor = { id: 9_000_001, name: "Free Samples", items: [{ itemId: 30010, price: 0n }] };
    const vendors = new Table("vendor", "test", new Map([...opts.rules.data.vendors.all(), free].map((v) => [v.id, v])));
    const rules = { ...opts.rules, data: { ...opts.rules.data, vendors } };
    const { events, result } = await buyFromVendor(db.client, { ...opts, rules, characterId: c.id, vendorId: free.id, itemId: 30010, quantity: 4 });
    expect(result).toEqual({ unitPrice: 0n, spent: 0n, balance: 1000n, count: 4 });
    expect(events).toEqual([{ kind: "inventory.changed", accountId: c.accountId, characterId: c.id, itemId: 30010, delta: 4, count: 4 }]);
    expect((await stored(c.id)).slice(c.grant)).toEqual(events);
    await expect(db.client.currencyLedgerEntry.count({ where: { characterId: c.id, source: "vendor" } })).resolves.toBe(0);
  });
});
