import { z } from "zod";
import { moneySchema, reputationRequirementSchema } from "./common";
import { wireIdSchema } from "./wire";

/** One line of a vendor's stock: the item and its undiscounted price in gold. */
export const vendorItemSchema = z.strictObject({
  itemId: wireIdSchema("itemId"),
  price: moneySchema,
});

/** One line of a vendor's stock. */
export type VendorItem = z.output<typeof vendorItemSchema>;

/** Most lines a vendor may list: `ServerVendorItems` counts its items in 16 bits. */
export const MAX_VENDOR_ITEMS = 65535;

/**
 * A vendor. When `requiredReputation` is set the vendor belongs to that faction: it refuses
 * characters below the level and discounts by the character's level with that faction.
 * Each line of `items` has a stock entry id, its 1-based position (see {@link vendorStockEntry}).
 */
export const vendorSchema = z.strictObject({
  id: wireIdSchema("vendorId"),
  name: z.string().min(1),
  requiredReputation: reputationRequirementSchema.optional(),
  items: z.array(vendorItemSchema).min(1).max(MAX_VENDOR_ITEMS),
});

/** A vendor. */
export type Vendor = z.output<typeof vendorSchema>;

/**
 * The line of `vendor`'s stock with the given stock entry id, or `undefined` when there is none.
 * A stock entry id is the 1-based position of the line in the vendor's `items`: the server lists
 * it in `ServerVendorItems` and the client sends it back in `ClientVendorPurchase` (NexusForever
 * calls it the vendor item's `Index`, later `StockUniqueId`). It is not an item id (loading checks
 * that a vendor lists each item once, so the two map one to one). Reordering a vendor's items in the data changes its ids.
 */
export function vendorStockEntry(vendor: Vendor, stockUniqueId: number): VendorItem | undefined {
  if (!Number.isInteger(stockUniqueId) || stockUniqueId < 1) return undefined;
  return vendor.items[stockUniqueId - 1];
}
