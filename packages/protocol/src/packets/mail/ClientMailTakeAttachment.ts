import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Takes one attachment (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientMailTakeAttachment.cs`): u64 mail id, u32 attachment
 * index, u32 mailbox unit id. Answered by ServerMailTakeAttachment.
 */
export const ClientMailTakeAttachment = definePacket({
  name: "ClientMailTakeAttachment",
  opcode: 0x0126,
  origin: "genuine",
  direction: "client",
  fields: {
    mailId: t.u64,
    index: t.u32,
    unitId: t.u32,
  },
});
