import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { friendshipType } from "../shared/friendship";

/**
 * An entry changed type (NexusForever NF-NEW `Model/Friendship/ServerFriendshipTypeUpdate.cs`): u64 friendship id, FriendshipType u4.
 */
export const ServerFriendshipTypeUpdate = definePacket({
  name: "ServerFriendshipTypeUpdate",
  opcode: 0x03cb,
  origin: "genuine",
  direction: "server",
  fields: {
    friendshipId: t.u64,
    type: friendshipType,
  },
});
