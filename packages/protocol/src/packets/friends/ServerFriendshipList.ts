import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { friendData } from "../shared/friendship";

/**
 * The whole friend list, Ignore and Rival entries included (NexusForever NF-NEW
 * `Model/Friendship/ServerFriendshipList.cs`): u16 count + FriendData. Sent on entering the world.
 */
export const ServerFriendshipList = definePacket({
  name: "ServerFriendshipList",
  opcode: 0x03be,
  origin: "genuine",
  direction: "server",
  fields: {
    friends: t.array(t.u16, friendData, { max: 10_000 }),
  },
});
