import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A mail left the mailbox (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerMailUnavailable.cs`): u64 mail id.
 */
export const ServerMailUnavailable = definePacket({
  name: "ServerMailUnavailable",
  opcode: 0x05a7,
  origin: "genuine",
  direction: "server",
  fields: {
    mailId: t.u64,
  },
});
