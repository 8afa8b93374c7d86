import { t } from "../../schema/types";
import { identity } from "./identity";

/** FriendshipType on the wire: 4 bits (Friend 0, Ignore 1, Rival 3, FriendAndRival 4, Account 8; values in core). */
export const friendshipType = t.uint(4);

/**
 * One friend list entry (NexusForever NF-NEW `Model/Friendship/FriendData.cs`): u64 friendship id,
 * the other character's identity, the owner's note (wide string) and the FriendshipType (u4).
 */
export const friendData = t.struct({
  friendshipId: t.u64,
  identity,
  note: t.wstring({ max: 256 }),
  type: friendshipType,
});
