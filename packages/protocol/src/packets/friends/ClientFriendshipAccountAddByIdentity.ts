import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { identity } from "../shared/identity";
import { friendshipType } from "../shared/friendship";

/**
 * Adds a character by identity (NexusForever NF-NEW `Model/Friendship/ClientFriendshipAddByIdentity.cs`,
 * opcode ClientFriendshipAccountAddByIdentity): identity (realm u14, character u64), FriendshipType u4,
 * note (wide string).
 */
export const ClientFriendshipAccountAddByIdentity = definePacket({
  name: "ClientFriendshipAccountAddByIdentity",
  opcode: 0x03b3,
  origin: "genuine",
  direction: "client",
  fields: {
    identity,
    type: friendshipType,
    note: t.wstring({ max: 256 }),
  },
});
