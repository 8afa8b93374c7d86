import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The answer to a purchase (NexusForever pull request 411
 * `Source/NexusForever.WorldServer/Network/Message/Model/ServerStorePurchaseResult.cs`): `success`
 * bit, `error` u5, a StoreError (`Game/Storefront/Static/StoreError.cs`: InvalidOffer 2,
 * InvalidPrice 3, GenericFail 4, PurchasePending 5, IneligibleGiftRecipient 18, CannotUseOffer 19,
 * CannotGiftOffer 21; Success 22 with `success`).
 */
export const ServerStorePurchaseResult = definePacket({
  name: "ServerStorePurchaseResult",
  opcode: 0x098c,
  origin: "genuine",
  direction: "server",
  fields: {
    success: t.bool,
    error: t.uint(5),
  },
});
