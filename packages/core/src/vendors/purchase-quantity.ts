import type { Ok, Refused } from "../result";

/** Fewest items one vendor purchase buys. */
export const MIN_VENDOR_PURCHASE_QUANTITY = 1;
/** Most items one vendor purchase buys. */
export const MAX_VENDOR_PURCHASE_QUANTITY = 1000;

/** A quantity outside the bounds, with the bounds to tell the buyer. */
export type VendorQuantityRefusal = Refused<"quantity_out_of_range", { quantity: number; min: number; max: number }>;

/**
 * Checks the quantity of one vendor purchase: a whole number from
 * {@link MIN_VENDOR_PURCHASE_QUANTITY} to {@link MAX_VENDOR_PURCHASE_QUANTITY}. Refused
 * `quantity_out_of_range` (naming the bounds) otherwise. Never throws.
 */
export function checkVendorQuantity(quantity: number): Ok<{ quantity: number }> | VendorQuantityRefusal {
  const min = MIN_VENDOR_PURCHASE_QUANTITY;
  const max = MAX_VENDOR_PURCHASE_QUANTITY;
  if (!Number.isInteger(quantity) || quantity < min || quantity > max) return { ok: false, reason: "quantity_out_of_range", quantity, min, max };
  return { ok: true, quantity };
}
