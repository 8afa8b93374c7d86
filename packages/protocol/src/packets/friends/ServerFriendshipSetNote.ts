import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * An entry's note changed (NexusForever NF-NEW `Model/Friendship/ServerFriendshipSetNote.cs`): u64 friendship id, note (wide string).
 */
export const ServerFriendshipSetNote = definePacket({
  name: "ServerFriendshipSetNote",
  opcode: 0x03c9,
  origin: "genuine",
  direction: "server",
  fields: {
    friendshipId: t.u64,
    note: t.wstring({ max: 256 }),
  },
});
