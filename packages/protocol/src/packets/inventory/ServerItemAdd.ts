import { definePacket } from "../../schema/packet";
import { inventoryItem } from "../shared/item";

/**
 * An item was added to one of the player's bags; on entering the world, one per ability item
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerItemAdd.cs`, sent by
 * `Source/NexusForever.Game/Entity/Inventory.cs` for the Ability bag): one inventory item.
 */
export const ServerItemAdd = definePacket({
  name: "ServerItemAdd",
  opcode: 0x0111,
  origin: "genuine",
  direction: "server",
  fields: {
    inventoryItem,
  },
});
