import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { identity } from "../shared/identity";

/**
 * Friend invites waiting for this character's answer (NexusForever NF-NEW
 * `Model/Friendship/ServerFriendshipInviteList.cs`): u16 count + { u64 invite id, inviter identity, seen u3,
 * days to expiry f32, note, inviter name (wide strings), Class u14, Path u3, level u8 }. Sent on
 * entering the world and, with one invite, when an invite arrives.
 */
export const ServerFriendshipInviteList = definePacket({
  name: "ServerFriendshipInviteList",
  opcode: 0x03ba,
  origin: "genuine",
  direction: "server",
  fields: {
    invites: t.array(
      t.u16,
      t.struct({
        inviteId: t.u64,
        identity,
        seen: t.uint(3),
        expiryInDays: t.f32,
        note: t.wstring({ max: 256 }),
        name: t.wstring({ max: 64 }),
        class: t.uint(14),
        path: t.uint(3),
        level: t.u8,
      }),
      { max: 10_000 },
    ),
  },
});
