import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * An entry left the friend list (NexusForever NF-NEW `Model/Friendship/ServerFriendshipRemove.cs`): u64 friendship id.
 */
export const ServerFriendshipRemove = definePacket({
  name: "ServerFriendshipRemove",
  opcode: 0x03c3,
  origin: "genuine",
  direction: "server",
  fields: {
    friendshipId: t.u64,
  },
});
