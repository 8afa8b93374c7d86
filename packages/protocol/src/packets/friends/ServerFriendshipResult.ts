import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * The outcome of a friendship request (NexusForever NF-NEW `Model/Friendship/ServerFriendshipResult.cs`): a
 * message the client shows in the system channel (wide string) and FriendshipResult u6 (values in core's
 * FRIENDSHIP_RESULT: PlayerNotFound 0, PlayerAlreadyFriend 3, RequestSent 17, CannotInviteSelf 29, ...).
 */
export const ServerFriendshipResult = definePacket({
  name: "ServerFriendshipResult",
  opcode: 0x03c4,
  origin: "genuine",
  direction: "server",
  fields: {
    message: t.wstring({ max: 256 }),
    result: t.uint(6),
  },
});
