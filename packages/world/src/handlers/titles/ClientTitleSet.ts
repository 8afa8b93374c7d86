import { setActiveTitle } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { WorldError } from "../../errors";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Sets the account's active title (0 clears it) through the setActiveTitle action, which checks
 * ownership in the same statement as the update (TITLE_NOT_OWNED otherwise); on success everyone in
 * the zone, the player included, sees the change.
 */
export const clientTitleSet = handler("ClientTitleSet", {
  states: IN_WORLD,
  async handle(ctx, { titleId }) {
    const { session, services } = ctx;
    if (titleId !== 0 && !services.data.titles.has(titleId)) throw new WorldError("NOT_FOUND", `no title ${titleId}`, { details: { titleId } });
    await setActiveTitle(services.db, { ...playerActionOptions(ctx), accountId: session.requireAccount().id, titleId });
    await ctx.services.events.flush();
  },
});
