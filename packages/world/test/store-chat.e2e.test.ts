// The store's chat commands (the seed's Discord commands, issue 12): !store, !buy, !inventory,
// !ledger for every player; !store_restock and !store_setprice for admins, at a version.
import { auditLedger, setAccountRole, type ActionOptions } from "@bezgelor/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_STORE_REPLY } from "../src/gm/store-replies";
import { gm } from "./support/gm";
import { balancesOf, shopper, startStoreWorld } from "./support/store";
import type { TestWorld } from "./support/world";

let t: TestWorld;
let opts: ActionOptions;
beforeAll(async () => ({ t, opts } = await startStoreWorld()));
afterAll(() => t.close());

describe("store chat commands", () => {
  it("browses pages by category and currency, buys a quantity, lists the inventory and the ledger", async () => {
    const { player, client } = await shopper(t, opts, { premium: 1000n });
    const first = (await gm(client, "!store")).reply!;
    expect(first).toMatch(/^store 1\/\d+ \| 101 Woolie: 500 premium\/250000 gold \| /);
    expect(first).toContain("next: !store 2");
    expect(first.length).toBeLessThanOrEqual(MAX_STORE_REPLY);
    expect((await gm(client, "!store 1 8 gold")).reply).toBe("store 1/1 | 801 Minor Healing Potion: 500 gold | 803 Settler's Lucky Toolkit: 20000 gold");
    expect((await gm(client, "!store 1 8 sideways")).refused).toBe("INVALID_INPUT");
    expect((await gm(client, "!store 99999 8 gold")).reply).toBe("the store has 1 page for that, not 99999");

    const bought = (await gm(client, "!buy 801 3")).reply!;
    expect(bought).toMatch(/^bought 3 x Minor Healing Potion for 30 premium \| balance 970 \| tx [0-9a-f-]{36}$/);
    expect((await balancesOf(t, player)).premium).toBe(970n);
    expect((await gm(client, "!inventory")).reply).toBe("inventory | Minor Healing Potion x3");
    expect((await gm(client, "!buy 801 21")).refused).toBe("NOT_AVAILABLE"); // more than it sells at once
    expect((await gm(client, "!buy 101 1 bonus")).refused).toBe("INVALID_INPUT"); // not sold in bonus
    // Newest first: the two refusals are failed transactions, the purchase is committed.
    const ledger = (await gm(client, "!ledger")).reply!.split(" | ");
    expect(ledger.map((line) => line.replace(/^\S+ /, "").replace(/ \(.*\)$/, ""))).toEqual([
      "failed offer 101 x1 0 bonus",
      "failed offer 801 x21 0 premium",
      "committed offer 801 x3 30 premium",
    ]);
    expect((await gm(client, "!ledger 0")).refused).toBe("INVALID_INPUT");
    expect((await auditLedger(t.db)).ok).toBe(true);
  });

  it("lets only admins restock and set prices, each at the version they saw", async () => {
    const { player, client } = await shopper(t, opts, { premium: 1000n });
    const offer = await t.db.storeOffer.findUniqueOrThrow({ where: { id: 802 } });
    expect((await gm(client, `!store_restock 802 5 ${offer.version}`)).refused).toBe("FORBIDDEN");
    await setAccountRole(t.db, { email: player.email, role: "admin" });
    expect((await gm(client, `!store_restock 802 5 ${offer.version}`)).reply).toBe(
      `offer 802 Travel Rations: ${offer.stock! + 5} in stock, version ${offer.version + 1}`,
    );
    // 0 is never a price: refused before anything is read, nothing changes.
    const zero = await gm(client, `!store_setprice 802 premium 0 ${offer.version + 1}`);
    expect(zero.refused).toBe("INVALID_INPUT");
    expect((await t.db.storeOffer.findUniqueOrThrow({ where: { id: 802 } })).version).toBe(offer.version + 1);
    const stale = await gm(client, `!store_setprice 802 premium 60 ${offer.version}`);
    expect(stale.refused).toBe("CONFLICT");
    expect(stale.message).toContain(`version ${offer.version + 1}`);
    expect((await gm(client, `!store_setprice 802 premium 60 ${offer.version + 1}`)).reply).toBe(
      `offer 802 Travel Rations: 60 premium, version ${offer.version + 2}`,
    );
    // The price it already has: nothing changes, the version stays, and the reply says so.
    expect((await gm(client, `!store_setprice 802 premium 60 ${offer.version + 2}`)).reply).toBe(
      `offer 802 Travel Rations: 60 premium, version ${offer.version + 2} (unchanged: it already had that price)`,
    );
    expect(await t.db.storeAdminEdit.count({ where: { offerId: 802, actor: `character:${player.characterId}` } })).toBe(2);
  });
});
