import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * An invite is no longer waiting (answered, withdrawn or expired) (NexusForever NF-NEW
 * `Model/Friendship/ServerFriendshipInviteRemove.cs`): u64 invite id.
 */
export const ServerFriendshipInviteRemove = definePacket({
  name: "ServerFriendshipInviteRemove",
  opcode: 0x03bb,
  origin: "genuine",
  direction: "server",
  fields: {
    inviteId: t.u64,
  },
});
