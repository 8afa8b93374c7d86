// The last store prices the server read: what a purchase is checked against while the database
// cannot be reached (the offline journal takes the price the player was shown from here). Prices
// differ per account (VIP tiers), so each account's last catalog is kept as a small price list,
// next to the catalog without an account read at start.
import type { StoreCatalogView } from "@bezgelor/db";

/** Accounts whose price lists are kept; the longest unused go first. */
const MAX_ACCOUNTS = 10_000;

type PriceList = Map<string, bigint>;

function priceList(view: StoreCatalogView): PriceList {
  const prices: PriceList = new Map();
  for (const { offer, prices: shown } of view.offers) for (const p of shown) prices.set(`${offer.id}:${p.currency}`, p.unitPrice);
  return prices;
}

/** Holds the newest prices read, per account and without one; `priceOf` answers from them. */
export class LastCatalog {
  private base: PriceList | undefined;
  private readonly byAccount = new Map<number, PriceList>();

  /** Keeps `view` as the newest catalog `accountId` was shown (or, without an account, everyone's). */
  remember(view: StoreCatalogView, accountId?: number): void {
    if (accountId === undefined) {
      this.base = priceList(view);
      return;
    }
    this.byAccount.delete(accountId); // re-inserted last: the map's order is its use order
    this.byAccount.set(accountId, priceList(view));
    if (this.byAccount.size > MAX_ACCOUNTS) this.byAccount.delete(this.byAccount.keys().next().value as number);
  }

  /**
   * The price of one unit of `offerId` in `currency` that `accountId` was last shown (else the
   * catalog read at start), or undefined when neither holds it.
   */
  priceOf(accountId: number, offerId: number, currency: string): bigint | undefined {
    const key = `${offerId}:${currency}`;
    return this.byAccount.get(accountId)?.get(key) ?? this.base?.get(key);
  }
}
