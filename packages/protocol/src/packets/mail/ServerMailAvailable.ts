import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { mailEntry } from "../shared/mail";

/**
 * Mail in the mailbox (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerMailAvailable.cs`): bit newMail, u32 count + mail entries
 * ({@link mailEntry}). Sent with the whole mailbox on entering the world, and with one mail when it
 * arrives.
 */
export const ServerMailAvailable = definePacket({
  name: "ServerMailAvailable",
  opcode: 0x05a3,
  origin: "genuine",
  direction: "server",
  fields: {
    newMail: t.bool,
    mails: t.array(t.u32, mailEntry, { max: 1000 }),
  },
});
