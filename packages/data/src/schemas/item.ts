import { z } from "zod";
import { wireIdSchema } from "./wire";

/**
 * Broad item kinds; enough for vendors, quest rewards and store costumes. `ability`: an item of the
 * Ability bag that casts a spell (a mount's summon; NexusForever InventoryLocation.Ability).
 */
export const ITEM_KIND = ["consumable", "equipment", "costume", "decor", "misc", "ability"] as const;

/** One of {@link ITEM_KIND}. */
export type ItemKind = (typeof ITEM_KIND)[number];

/** An item a character can hold in the inventory. */
export const itemSchema = z.strictObject({
  id: wireIdSchema("itemId"),
  name: z.string().min(1),
  description: z.string().default(""),
  kind: z.enum(ITEM_KIND),
  maxStack: z.int().positive().default(1),
});

/** An item a character can hold in the inventory. */
export type Item = z.output<typeof itemSchema>;
