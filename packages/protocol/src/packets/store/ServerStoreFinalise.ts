import { definePacket } from "../../schema/packet";

/**
 * The catalog is complete (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerStoreFinalise.cs`): an empty body,
 * sent after ServerStoreCategories and ServerStoreOffers.
 */
export const ServerStoreFinalise = definePacket({
  name: "ServerStoreFinalise",
  opcode: 0x0987,
  origin: "genuine",
  direction: "server",
  fields: {},
});
