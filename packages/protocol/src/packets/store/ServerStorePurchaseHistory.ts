import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The account's purchases (NexusForever pull request 411
 * `Source/NexusForever.WorldServer/Network/Message/Model/ServerStorePurchaseHistory.cs`, filled by
 * `Game/Storefront/StoreTransaction.cs`): u32 count + purchases {`purchaseId` u64,
 * `transactionDateTime` u64 (a Windows FILETIME: 100 ns ticks since 1601-01-01 UTC), `currencyId`
 * u5 (`STORE_CURRENCY_ID`), `unknown0` u3, `cost` f32 (the amount paid), `name` ws (the offer's
 * name), `unknown1` bit, `unknown2` u64, `unknown3` u32}.
 */
export const ServerStorePurchaseHistory = definePacket({
  name: "ServerStorePurchaseHistory",
  opcode: 0x098e,
  origin: "genuine",
  direction: "server",
  fields: {
    purchases: t.array(
      t.u32,
      t.struct({
        purchaseId: t.u64,
        transactionDateTime: t.u64,
        currencyId: t.uint(5),
        unknown0: t.uint(3),
        cost: t.f32,
        name: t.wstring({ max: 256 }),
        unknown1: t.bool,
        unknown2: t.u64,
        unknown3: t.u32,
      }),
      { max: 500 },
    ),
  },
});
