// An admin's change of an offer, from any process (here the db action the CLI and `!store_setprice`
// call), reaches every player with the store open as the catalog sent again, at the new price;
// players who never opened it are sent nothing.
import { getOffer, setOfferPrice, type ActionOptions } from "@bezgelor/db";
import { STORE_CURRENCY_ID } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { shopper, shown, startStoreWorld } from "./support/store";
import type { TestWorld } from "./support/world";

let t: TestWorld;
let opts: ActionOptions;
beforeAll(async () => ({ t, opts } = await startStoreWorld()));
afterAll(() => t.close());

describe("a catalog change while the store is open", () => {
  it("sends the store again at the new price to those who opened it, and nothing to the others", async () => {
    const browsing = await shopper(t, opts, { premium: 100n });
    const elsewhere = await shopper(t, opts, { premium: 100n });
    const before = await browsing.client.openStore();
    expect(shown(before, 401, STORE_CURRENCY_ID.NCoin).entry.price).toBe(400);

    const offer = await getOffer(t.db, { offerId: 401 });
    await setOfferPrice(t.db, { ...opts, offerId: 401, currency: "premium", price: 350n, expectedVersion: offer!.version });

    const offers = await browsing.client.waitFor("ServerStoreOffers");
    await browsing.client.waitFor("ServerStoreFinalise");
    const entry = offers.groups
      .flatMap((g) => g.offers)
      .find((o) => o.id === 401)
      ?.currencies.find((c) => c.currencyId === STORE_CURRENCY_ID.NCoin);
    expect(entry?.price).toBe(350);
    await expect(elsewhere.client.waitFor("ServerStoreOffers", () => true, 500)).rejects.toMatchObject({ code: "TIMEOUT" });
  });
});
