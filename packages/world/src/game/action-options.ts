import type { ActionOptions } from "@bezgelor/db";
import type { HandlerContext } from "../handlers/types";

/** What every action run for this session's player takes: the server's rules and the player as actor. */
export function playerActionOptions({ session, services }: HandlerContext): ActionOptions {
  return {
    rules: { data: services.data, scale: services.scale },
    actor: { kind: "character", accountId: session.requireAccount().id, characterId: session.requireCharacter().id },
  };
}
