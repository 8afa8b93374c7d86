import { MAX_WIRE_ID_14 } from "@bezgelor/data";
import type { AccountRole } from "@bezgelor/db";
import type { HandlerContext } from "../handlers/types";

/**
 * One GM chat command, `!name args`, in its own file under `gm/commands/`. `role` is the least role
 * that may run it (checked in one place, `runGmCommand`, with the role read from the database at
 * use): `gm` for game state, `admin` for economy and account administration. `run` returns the line
 * shown to the caller and throws WorldError/DbError for refusals.
 */
export interface GmCommand {
  readonly name: string;
  readonly role: AccountRole;
  readonly usage: string;
  readonly summary: string;
  /**
   * The most arguments the command takes, or a function of the arguments for a command whose
   * actions take different numbers (`!pet dismiss` none after the action, `!pet name` the rest of
   * the line: {@link REST_OF_LINE}). `runGmCommand` answers more with the usage before `run`, so
   * a command never acts on a line it did not fully read.
   */
  readonly maxArgs: number | ((args: readonly string[]) => number);
  run(ctx: HandlerContext, args: string[]): Promise<string>;
}

/** `maxArgs` of a command whose last argument is the rest of the line (a pet's name, a promo code). */
export const REST_OF_LINE = Number.POSITIVE_INFINITY;

/** Declares a GM command. */
export function gmCommand(command: GmCommand): GmCommand {
  return command;
}

/** The caller's own character and account: GM commands act on the caller's character. */
export function callerIds(ctx: HandlerContext): { characterId: number; accountId: number } {
  return { characterId: ctx.session.requireCharacter().id, accountId: ctx.session.requireAccount().id };
}

/** Ids that travel in 14-bit client fields (factions, titles). */
export const ID14 = { min: 1, max: MAX_WIRE_ID_14 };
/** Database ids (32-bit). */
export const ID = { min: 1, max: 2_147_483_647 };

/** ", titles 1, 2" or nothing. */
export const titlesSuffix = (titles: readonly number[]): string => (titles.length ? `; titles ${titles.join(", ")}` : "");
