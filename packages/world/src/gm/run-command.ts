import type { HandlerContext } from "../handlers/types";
import { WorldError } from "../errors";
import { requireRole } from "../permissions";
import { parseCommand } from "./args";
import { GM_COMMANDS } from "./commands/index";

/**
 * Runs a `!command` typed in chat. The command's declared role is checked against the role read
 * from the database now (`requireRole`), so a GM demoted with the CLI loses the commands at once;
 * anyone without it gets FORBIDDEN and nothing changes. An unknown command is INVALID_INPUT, and so
 * is a line with more arguments than the command's `maxArgs` (answered with its usage; nothing runs).
 */
export async function runGmCommand(ctx: HandlerContext, text: string): Promise<string> {
  const { name, args } = parseCommand(text);
  const command = GM_COMMANDS.find((c) => c.name === name);
  if (!command) throw new WorldError("INVALID_INPUT", `unknown command !${name}; try !help`);
  try {
    await requireRole(ctx.services.db, ctx.session.requireAccount().id, command.role, `!${name}`);
  } catch (error) {
    if (error instanceof WorldError && error.code === "FORBIDDEN") ctx.session.logger.warn({ command: name, ...error.details }, "GM command refused");
    throw error;
  }
  const maxArgs = typeof command.maxArgs === "function" ? command.maxArgs(args) : command.maxArgs;
  if (args.length > maxArgs) {
    throw new WorldError("INVALID_INPUT", `unexpected ${args.slice(maxArgs).join(" ")}; usage: ${command.usage}`, {
      details: { command: name, args, maxArgs },
    });
  }
  const reply = await command.run(ctx, args);
  ctx.session.logger.info({ command: name, args }, "GM command");
  return reply;
}
