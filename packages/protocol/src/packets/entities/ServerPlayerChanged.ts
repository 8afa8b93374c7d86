import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * "This unit is you": sent right after the player's own ServerEntityCreate
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerPlayerChanged.cs`, sent by
 * `Source/NexusForever.Game/Entity/Player.cs` AddVisible). u32 unit id, u32 that NexusForever
 * always sends as 1.
 */
export const ServerPlayerChanged = definePacket({
  name: "ServerPlayerChanged",
  opcode: 0x019b,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    unknown1: t.u32,
  },
});
