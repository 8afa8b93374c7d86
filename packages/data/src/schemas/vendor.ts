import { z } from "zod";
import { idSchema, moneySchema, reputationRequirementSchema } from "./common";

/** One line of a vendor's stock: the item and its undiscounted price in gold. */
export const vendorItemSchema = z.strictObject({
  itemId: idSchema,
  price: moneySchema,
});

/** One line of a vendor's stock. */
export type VendorItem = z.output<typeof vendorItemSchema>;

/**
 * A vendor. When `requiredReputation` is set the vendor belongs to that faction: it refuses
 * characters below the level and discounts by the character's level with that faction.
 */
export const vendorSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  requiredReputation: reputationRequirementSchema.optional(),
  items: z.array(vendorItemSchema).min(1),
});

/** A vendor. */
export type Vendor = z.output<typeof vendorSchema>;
