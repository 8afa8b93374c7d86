import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { friendshipType } from "../shared/friendship";

/**
 * Removes one type from an entry, by name (NexusForever NF-NEW
 * `Model/Friendship/ClientFriendshipRemoveByName.cs`): name, realm name (wide strings), FriendshipType u4.
 */
export const ClientFriendshipRemoveByName = definePacket({
  name: "ClientFriendshipRemoveByName",
  opcode: 0x03c2,
  origin: "genuine",
  direction: "client",
  fields: {
    name: t.wstring({ max: 64 }),
    realm: t.wstring({ max: 64 }),
    type: friendshipType,
  },
});
