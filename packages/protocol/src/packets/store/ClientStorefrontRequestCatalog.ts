import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The player opens the store (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ClientStorefrontRequestCatalog.cs`): one u14
 * field NexusForever does not use. Answered with ServerAccountCurrencySet, ServerStoreCategories,
 * ServerStoreOffers and ServerStoreFinalise, in that order.
 */
export const ClientStorefrontRequestCatalog = definePacket({
  name: "ClientStorefrontRequestCatalog",
  opcode: 0x082d,
  origin: "genuine",
  direction: "client",
  fields: {
    unknown0: t.uint(14),
  },
});
