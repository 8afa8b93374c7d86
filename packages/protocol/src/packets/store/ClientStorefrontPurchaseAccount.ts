import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { identity } from "../shared/identity";
import { storefrontPurchase } from "../shared/store";

/**
 * Buy an offer for the account, or as a gift (NexusForever pull request 411
 * `Source/NexusForever.WorldServer/Network/Message/Model/ClientStorefrontPurchaseGift.cs`, opcode
 * ClientStorefrontPurchaseAccount in `GameMessageOpcode.cs`): the {@link storefrontPurchase}
 * fields, `unknown1` u32, `recipient` identity (realm u14, character u64) and `note` ws. This
 * server reads a recipient with a character id as a gift to that character, with `note` as the
 * gift mail's text; character id 0 buys for the buyer's own account. Answered with
 * ServerStorePurchaseResult.
 */
export const ClientStorefrontPurchaseAccount = definePacket({
  name: "ClientStorefrontPurchaseAccount",
  opcode: 0x0828,
  origin: "genuine",
  direction: "client",
  fields: {
    purchase: storefrontPurchase,
    unknown1: t.u32,
    recipient: identity,
    note: t.wstring({ max: 1024 }),
  },
});
