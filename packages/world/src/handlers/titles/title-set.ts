import { DbError, setActiveTitle } from "@bezgelor/db";
import { ServerTitleSet } from "@bezgelor/protocol";
import { packet } from "../../server/outgoing";
import { RuleError } from "../../server/rule-error";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Sets the account's active title (0 clears it). Ownership is checked by the database in the same
 * statement as the update; on success everyone in the zone, the player included, sees the change.
 */
export const clientTitleSet = handler("ClientTitleSet", {
  states: IN_WORLD,
  async handle({ session, services }, { titleId }) {
    const character = session.requireCharacter();
    const accountId = session.requireAccount().id;
    if (titleId !== 0 && !services.data.titles.has(titleId)) throw new RuleError("NOT_FOUND", `no title ${titleId}`, { titleId });
    try {
      await setActiveTitle(services.db, { accountId, titleId: titleId === 0 ? null : titleId });
    } catch (error) {
      if (error instanceof DbError && error.code === "TITLE_NOT_OWNED") {
        throw new RuleError("NOT_OWNED", `you do not own title ${titleId}`, { titleId });
      }
      throw error;
    }
    const seen = services.presence.broadcastZone(character.worldId, character.zoneId, packet(ServerTitleSet, { unitId: character.id, titleId }));
    session.logger.info({ titleId, seenBy: seen }, "active title set");
  },
});
