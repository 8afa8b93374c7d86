import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** RealCurrency, the 3-bit currency of real-money packs (NexusForever `Source/NexusForever.Game.Static/Storefront/RealCurrency.cs`). */
export const REAL_CURRENCY = { Usd: 0, Gbp: 1, Eur: 2 } as const;

/**
 * The store's category tree and its real-money currency packs (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerStoreCategories.cs`): u32 count +
 * categories {name ws, description ws, id u32, parentId u32 (0 at the top), index u32 (the position
 * among its siblings, from 1), visible bit}, then `realCurrency` u3 ({@link REAL_CURRENCY}), then
 * u32 count + currency packs {id u32, name ws, count u32, price f32 (real money), unknown9 u32}.
 */
export const ServerStoreCategories = definePacket({
  name: "ServerStoreCategories",
  opcode: 0x0988,
  origin: "genuine",
  direction: "server",
  fields: {
    categories: t.array(
      t.u32,
      t.struct({
        name: t.wstring({ max: 256 }),
        description: t.wstring({ max: 1024 }),
        categoryId: t.u32,
        parentCategoryId: t.u32,
        index: t.u32,
        visible: t.bool,
      }),
      { max: 4096 },
    ),
    realCurrency: t.uint(3),
    currencyPackages: t.array(t.u32, t.struct({ id: t.u32, name: t.wstring({ max: 256 }), count: t.u32, price: t.f32, unknown9: t.u32 }), { max: 256 }),
  },
});
