// The last store catalog the server read: what a purchase is checked against while the database
// cannot be reached (the offline journal takes the price the player was shown from it).
import type { StoreCatalogView } from "@bezgelor/db";

/** Holds the newest catalog read; `priceOf` answers from it. */
export class LastCatalog {
  private view: StoreCatalogView | undefined;

  /** Keeps `view` as the newest catalog. */
  remember(view: StoreCatalogView): void {
    this.view = view;
  }

  /** The final price of `offerId` in `currency` in the newest catalog, or undefined (not held, not sold so). */
  priceOf(offerId: number, currency: string): bigint | undefined {
    const offer = this.view?.offers.find((o) => o.offer.id === offerId);
    return offer?.prices.find((p) => p.currency === currency)?.finalPrice;
  }
}
