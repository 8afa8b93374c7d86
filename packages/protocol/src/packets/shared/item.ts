import { t } from "../../schema/types";

/** One visible item or body part (NexusForever `Model/Shared/ItemVisual.cs`). */
export const itemVisual = t.struct({
  slot: t.uint(7),
  displayId: t.uint(15),
  colourSetId: t.uint(14),
  dyeData: t.i32,
});

/** An inventory location (NexusForever `Model/Shared/ItemLocation.cs`); location 300 means none. */
export const itemLocation = t.struct({
  location: t.uint(9),
  bagIndex: t.u32,
});

/** An item's sell price slot (NexusForever `Model/Shared/Item.cs` UnknownStructure): u3 currency type, u32, u32. */
const itemPrice = t.struct({ unknown0: t.uint(3), unknown4: t.u32, unknown8: t.u32 });

/**
 * Where an item lives: InventoryLocation (9 bits; NexusForever `Source/NexusForever.Game.Static/Entity/InventoryLocation.cs`).
 * Ability items (spells) live in Ability.
 */
export const INVENTORY_LOCATION = { Equipped: 0, Inventory: 1, PlayerBank: 2, Ability: 4 } as const;

/** Why an item was sent (6 bits; NexusForever `Message/Static/ItemUpdateReason.cs`). */
export const ITEM_UPDATE_REASON = { Vendor: 7, NoReason: 49 } as const;

/**
 * An item, NexusForever's form used with real clients since 2018 (`Model/Shared/Item.cs` on its
 * `game_rework` branch; 776 bits with empty lists): u64 guid, u64 unknown, u18 Item2 id (for an
 * ability item its Spell4Base id, NexusForever `Game/Entity/Item.cs` Id), location, u32 stack, u32
 * charges, u64 circuit data, u32 glyph data, u64 threshold data, f32 durability, u32, u8, u32 dye
 * data, u32 dynamic flags, u32 expiration time left, two sell prices, u18 power core, u3 count of u32
 * microchips, u4 count of u32 glyphs, u6 count of {u14, u64} (NexusForever writes the glyph count
 * there; both are 0 in practice, and this server sends neither), u32 effective item level.
 */
export const item = t.struct({
  guid: t.u64,
  unknown0: t.u64,
  itemId: t.uint(18),
  location: itemLocation,
  stackCount: t.u32,
  charges: t.u32,
  randomCircuitData: t.u64,
  randomGlyphData: t.u32,
  thresholdData: t.u64,
  durability: t.f32,
  unknown44: t.u32,
  unknown48: t.u8,
  dyeData: t.u32,
  dynamicFlags: t.u32,
  expirationTimeLeft: t.u32,
  prices: t.fixedArray(2, itemPrice),
  unknown70: t.uint(18),
  microchips: t.array(t.uint(3), t.u32),
  glyphs: t.array(t.uint(4), t.u32),
  unknown88: t.array(t.uint(6), t.struct({ unknown0: t.uint(14), unknown8: t.u64 })),
  effectiveItemLevel: t.u32,
});

/** An item and why it is sent (NexusForever `Model/Shared/InventoryItem.cs`): the item, then u6 {@link ITEM_UPDATE_REASON}. */
export const inventoryItem = t.struct({ item, reason: t.uint(6) });
