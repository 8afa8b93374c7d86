import { definePacket } from "../../schema/packet";

/**
 * The player opens the purchase history (NexusForever pull request 411
 * `Source/NexusForever.WorldServer/Network/Message/Model/ClientStorefrontRequestPurchaseHistory.cs`):
 * an empty body. Answered with ServerStorePurchaseHistory.
 */
export const ClientStorefrontRequestPurchaseHistory = definePacket({
  name: "ClientStorefrontRequestPurchaseHistory",
  opcode: 0x082e,
  origin: "genuine",
  direction: "client",
  fields: {},
});
