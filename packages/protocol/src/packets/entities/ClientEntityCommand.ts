import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { entityCommand } from "../shared/entity-command";

/**
 * The client moving the unit it controls (the one named by ServerMovementControl; the packet names
 * no unit) (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientEntityCommand.cs`,
 * handled by `Source/NexusForever.WorldServer/Network/Message/Handler/Entity/ClientEntityCommandHandler.cs`).
 * u32 the client's clock (ms), u32 count of entity commands. NexusForever stops reading at a
 * command id it does not model; here an unmodelled id is a malformed packet. At most 64 commands
 * (the client sends one of each kind at most).
 */
export const ClientEntityCommand = definePacket({
  name: "ClientEntityCommand",
  opcode: 0x0637,
  origin: "genuine",
  direction: "client",
  fields: {
    time: t.u32,
    commands: t.array(t.u32, entityCommand, { max: 64 }),
  },
});
