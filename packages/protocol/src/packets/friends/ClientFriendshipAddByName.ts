import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { friendshipType } from "../shared/friendship";

/**
 * Adds a character by name (NexusForever NF-NEW `Model/Friendship/ClientFriendshipAddByName.cs`): name, realm
 * name (wide strings), FriendshipType u4 (Friend sends an invite, Ignore and Rival apply at once),
 * and a note sent with the invite.
 */
export const ClientFriendshipAddByName = definePacket({
  name: "ClientFriendshipAddByName",
  opcode: 0x03b4,
  origin: "genuine",
  direction: "client",
  fields: {
    name: t.wstring({ max: 64 }),
    realm: t.wstring({ max: 64 }),
    type: friendshipType,
    note: t.wstring({ max: 256 }),
  },
});
