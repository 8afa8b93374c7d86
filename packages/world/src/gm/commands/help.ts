import { getAccountRole } from "@bezgelor/db";
import { roleAllows } from "../../permissions";
import { gmCommand } from "../command";
import { GM_COMMANDS } from "./index";

/** `!help`: the commands the caller's role allows, with their usage (a player sees `!redeem` and `!help`). */
export const help = gmCommand({
  name: "help",
  role: "player",
  usage: "!help",
  summary: "list the commands you may use",
  maxArgs: 0,
  async run(ctx) {
    const role = await getAccountRole(ctx.services.db, { accountId: ctx.session.requireAccount().id });
    return GM_COMMANDS.filter((c) => roleAllows(role, c.role))
      .map((c) => `${c.usage}: ${c.summary}`)
      .join("\n");
  },
});
