import { grantTitle, revokeTitle } from "@bezgelor/db";
import { ServerTitleUpdate } from "@bezgelor/protocol";
import { WorldError } from "../../errors";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { callerIds, gmCommand, ID14 } from "../command";

/** `!title grant|revoke <titleId>` on the caller's account, source "gm". */
export const title = gmCommand({
  name: "title",
  role: "gm",
  usage: "!title grant|revoke <titleId>",
  summary: "grant or revoke a title",
  maxArgs: 2,
  async run(ctx, [action, raw]) {
    const titleId = intArg(raw, "titleId", this.usage, ID14);
    const def = ctx.services.data.titles.get(titleId);
    if (!def) throw new WorldError("NOT_FOUND", `no title ${titleId}`, { details: { titleId } });
    const { db } = ctx.services;
    if (action === "grant") {
      const { result } = await grantTitle(db, { ...playerActionOptions(ctx), ...callerIds(ctx), titleId, source: "gm" });
      await ctx.services.events.flush();
      if (result.granted) return `granted title ${titleId} (${def.name})`;
      ctx.session.send(ServerTitleUpdate, { titleId, alreadyOwned: true, revoked: false });
      return `already owns title ${titleId}`;
    }
    if (action === "revoke") {
      const { result } = await revokeTitle(db, { ...playerActionOptions(ctx), accountId: callerIds(ctx).accountId, titleId });
      await ctx.services.events.flush();
      return result.revoked ? `revoked title ${titleId} (${def.name})` : `does not own title ${titleId}`;
    }
    throw new WorldError("INVALID_INPUT", `usage: ${this.usage}`);
  },
});
