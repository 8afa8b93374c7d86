import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** An extra cost of a vendor line: u3 ItemExtraCostType, u32 quantity, u32 item or currency id (0, 0, 0: none). */
const extraCost = t.struct({ type: t.uint(3), quantity: t.u32, itemOrCurrencyId: t.u32 });

/**
 * Opens a vendor's window on the client with its stock (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerVendorItemsUpdated.cs`): u32 the vendor's
 * unit, u32 count + categories {u32 index, u32 localised text}, u32 count + items, f32 sell price
 * multiplier, f32 buy price multiplier, three bits (NexusForever sends true, true, false).
 * An item: u32 stock entry id (`stockUniqueId`: what `ClientVendorPurchase` sends back), u4 item
 * type (0 an item), u32 Item2 id, u32, u32, u17, u32, u32 category index, u32, u64, u32, two
 * extra costs. NexusForever fills only the stock entry id, item id, category and extra costs.
 */
export const ServerVendorItemsUpdated = definePacket({
  name: "ServerVendorItemsUpdated",
  opcode: 0x090b,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    categories: t.array(t.u32, t.struct({ index: t.u32, localisedTextId: t.u32 })),
    items: t.array(
      t.u32,
      t.struct({
        stockUniqueId: t.u32,
        itemType: t.uint(4),
        itemId: t.u32,
        unknown3: t.u32,
        unknown4: t.u32,
        unknown5: t.uint(17),
        unknown6: t.u32,
        categoryIndex: t.u32,
        unknown8: t.u32,
        unknown9: t.u64,
        unknownA: t.u32,
        extraCost1: extraCost,
        extraCost2: extraCost,
      }),
    ),
    sellPriceMultiplier: t.f32,
    buyPriceMultiplier: t.f32,
    unknown2: t.bool,
    unknown3: t.bool,
    unknown4: t.bool,
  },
});
