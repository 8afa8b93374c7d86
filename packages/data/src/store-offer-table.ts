import type { StoreOffer } from "./schemas/store-catalog";
import { Table } from "./table";

/** Store offers with an index by category. */
export class StoreOfferTable extends Table<number, StoreOffer> {
  readonly #byCategory = new Map<number, StoreOffer[]>();

  constructor(file: string, entries: ReadonlyMap<number, StoreOffer>) {
    super("store offer", file, entries);
    for (const offer of this.all()) {
      const list = this.#byCategory.get(offer.categoryId) ?? [];
      list.push(offer);
      this.#byCategory.set(offer.categoryId, list);
    }
  }

  /** Offers directly in this category (not in its sub-categories), in file order; `[]` when none. */
  inCategory(categoryId: number): readonly StoreOffer[] {
    return this.#byCategory.get(categoryId) ?? [];
  }
}
