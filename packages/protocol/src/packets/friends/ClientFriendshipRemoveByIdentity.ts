import { definePacket } from "../../schema/packet";
import { identity } from "../shared/identity";
import { friendshipType } from "../shared/friendship";

/**
 * Removes one type from an entry, by identity (NexusForever NF-NEW
 * `Model/Friendship/ClientFriendshipRemoveByIdentity.cs`): identity, FriendshipType u4.
 */
export const ClientFriendshipRemoveByIdentity = definePacket({
  name: "ClientFriendshipRemoveByIdentity",
  opcode: 0x03c1,
  origin: "genuine",
  direction: "client",
  fields: {
    identity,
    type: friendshipType,
  },
});
