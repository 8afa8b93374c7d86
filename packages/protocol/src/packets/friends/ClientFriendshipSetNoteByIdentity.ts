import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { identity } from "../shared/identity";

/**
 * Sets the note on an entry (NexusForever NF-NEW `Model/Friendship/ClientFriendshipSetNoteByIdentity.cs`):
 * the other character's identity, the note (wide string).
 */
export const ClientFriendshipSetNoteByIdentity = definePacket({
  name: "ClientFriendshipSetNoteByIdentity",
  opcode: 0x03c7,
  origin: "genuine",
  direction: "client",
  fields: {
    identity,
    note: t.wstring({ max: 256 }),
  },
});
