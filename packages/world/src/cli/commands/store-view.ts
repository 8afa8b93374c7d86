// Helpers shared by the `bezgelor store ...` commands (one file each: store-import, store-offer-*,
// store-promotion-*, store-deal-*, store-buy): the catalog in the database, promotions, daily deals
// and buying without a client, through the same db functions and actions the server uses. Exit
// codes: 0 ok, 2 usage or an invalid catalog file, 3 not found, 4 conflict (idempotency key
// reused), 5 unavailable or outcome unknown, 6 refused (price changed, owned, not enough funds,
// not giftable, not a friend...).
import { STORE_DISPLAY_FLAG } from "@bezgelor/data";
import type { Edited, StoreOfferRecord } from "@bezgelor/db";
import type { OptionValues } from "../command";

/** The option's string value, or undefined when it was not given. */
export const opt = (o: OptionValues, name: string): string | undefined => {
  const value = o[name];
  return typeof value === "string" ? value : undefined;
};

/** The names of the DisplayFlag bits set in `bits` ("new", "popular"...). */
export const flagNames = (bits: number): string[] =>
  Object.entries(STORE_DISPLAY_FLAG)
    .filter(([, bit]) => (bits & bit) !== 0)
    .map(([name]) => name);

const prices = (o: StoreOfferRecord) =>
  Object.entries(o.prices)
    .map(([c, p]) => `${p} ${c}`)
    .join(", ");

/** "12  Bumblebee Mount  [mount]  500 premium  available featured giftable  (import, version 1)"; stock and sold when limited. */
export const offerLine = (o: StoreOfferRecord): string =>
  `${o.id}  ${o.name}  [${o.kind}]  ${prices(o)}  ${o.available ? "available" : "UNAVAILABLE"}${o.featured ? " featured" : ""}${o.giftable ? " giftable" : ""}` +
  `${o.stock === null ? "" : `  ${o.stock} left, ${o.sold} sold`}  (${o.origin}, version ${o.version})`;

/**
 * An edited offer's line, then, when the edit changed nothing (the offer already was so), a line
 * saying so: the version stays and nothing was logged, as `store import` reports rows unchanged.
 */
export const editedOfferLines = (o: Edited<StoreOfferRecord>): string =>
  o.changed ? offerLine(o) : `${offerLine(o)}\nunchanged: offer ${o.id} already was so (version ${o.version} kept, no edit logged)`;
