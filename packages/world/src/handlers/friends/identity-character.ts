import { FRIENDSHIP_RESULT } from "@bezgelor/core";
import type { HandlerContext } from "../types";
import { refuseFriendship } from "./friendship-refusal";

const MAX_CHARACTER_ID = BigInt(2 ** 31 - 1);

/**
 * The character id an identity names on this realm, or undefined after answering RealmNotFound
 * (another realm) or PlayerNotFound (an id no character can have).
 */
export function characterOfIdentity(ctx: HandlerContext, identity: { realmId: number; characterId: bigint }): number | undefined {
  const details = { realmId: identity.realmId, characterId: identity.characterId.toString() };
  if (identity.realmId !== ctx.services.config.server.realmId) {
    refuseFriendship(ctx, FRIENDSHIP_RESULT.RealmNotFound, "another realm", details);
    return undefined;
  }
  if (identity.characterId < 1n || identity.characterId > MAX_CHARACTER_ID) {
    refuseFriendship(ctx, FRIENDSHIP_RESULT.PlayerNotFound, "no such character", details);
    return undefined;
  }
  return Number(identity.characterId);
}
