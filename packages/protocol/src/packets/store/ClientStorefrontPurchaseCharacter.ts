import { definePacket } from "../../schema/packet";
import { storefrontPurchase } from "../shared/store";

/**
 * Buy an offer for the character in the world (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ClientStorefrontPurchaseCharacter.cs`, read with
 * pull request 411's 225-bit `Model/Shared/StorefrontPurchase.cs`): the {@link storefrontPurchase}
 * fields. Answered with ServerStorePurchaseResult.
 */
export const ClientStorefrontPurchaseCharacter = definePacket({
  name: "ClientStorefrontPurchaseCharacter",
  opcode: 0x082a,
  origin: "genuine",
  direction: "client",
  fields: {
    purchase: storefrontPurchase,
  },
});
