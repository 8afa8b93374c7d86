import { getAccountByEmail } from "@bezgelor/db";
import type { HandlerContext } from "../handlers/types";
import { WorldError } from "../errors";
import { parseCommand } from "./args";
import { GM_COMMANDS } from "./commands";

const GM_ROLES = new Set(["gm", "admin"]);

/**
 * Runs a `!command` typed in chat. The role is read from the database each time, so a GM demoted
 * with the CLI loses the commands at once; anyone else gets a refusal and nothing changes.
 */
export async function runGmCommand(ctx: HandlerContext, text: string): Promise<string> {
  const email = ctx.session.account?.email ?? "";
  const { role } = await getAccountByEmail(ctx.services.db, { email });
  if (!GM_ROLES.has(role)) {
    ctx.session.logger.warn({ command: text.slice(0, 64), role }, "GM command refused");
    throw new WorldError("FORBIDDEN", "GM commands need a GM account");
  }
  const { name, args } = parseCommand(text);
  if (name === "help") return Object.values(GM_COMMANDS).map((c) => `${c.usage}: ${c.summary}`).join("\n");
  const command = GM_COMMANDS[name];
  if (!command) throw new WorldError("INVALID_INPUT", `unknown command !${name}; try !help`);
  const reply = await command.run(ctx, args);
  ctx.session.logger.info({ command: name, args }, "GM command");
  return reply;
}
