import { definePacket } from "../../schema/packet";
import { friendData } from "../shared/friendship";

/**
 * A new entry in the friend list (NexusForever NF-NEW `Model/Friendship/ServerFriendshipAdd.cs`): one FriendData.
 */
export const ServerFriendshipAdd = definePacket({
  name: "ServerFriendshipAdd",
  opcode: 0x03b5,
  origin: "genuine",
  direction: "server",
  fields: {
    friend: friendData,
  },
});
