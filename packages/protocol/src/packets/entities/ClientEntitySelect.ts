import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The player selects a unit as its target, or clears it with 0 (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ClientEntitySelect.cs`, handled by
 * `Source/NexusForever.WorldServer/Network/Message/Handler/Entity/ClientEntityTargetHandler.cs`): u32 unit id.
 */
export const ClientEntitySelect = definePacket({
  name: "ClientEntitySelect",
  opcode: 0x0185,
  origin: "genuine",
  direction: "client",
  fields: {
    unitId: t.u32,
  },
});
