import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Answers a friend invite (NexusForever NF-NEW `Model/Friendship/ClientFriendshipInviteResponse.cs`): u64
 * invite id, FriendshipResponse u3 (Mutual 0, Accept 1, Decline 2, Ignore 3).
 */
export const ClientFriendshipInviteResponse = definePacket({
  name: "ClientFriendshipInviteResponse",
  opcode: 0x03bc,
  origin: "genuine",
  direction: "client",
  fields: {
    inviteId: t.u64,
    response: t.uint(3),
  },
});
