import { PATH_KEY } from "@bezgelor/data";
import { awardReputation, countKill, grantAchievement, grantTitle, revokeTitle, setPathLevel, type AwardedReputation } from "@bezgelor/db";
import { ServerTitleUpdate } from "@bezgelor/protocol";
import { playerActionOptions } from "../game/action-options";
import type { HandlerContext } from "../handlers/types";
import { WorldError } from "../errors";
import { intArg } from "./args";

/** One GM chat command: `!name args`. `run` returns the line shown to the GM. */
export interface GmCommand {
  readonly usage: string;
  readonly summary: string;
  run(ctx: HandlerContext, args: string[]): Promise<string>;
}

const ID = { min: 1, max: 2_147_483_647 };
const ID14 = { min: 1, max: 16_383 };

const describe = (rs: readonly AwardedReputation[]) =>
  rs.map((r) => `faction ${r.factionId}: ${r.before} -> ${r.after} (${r.levelAfter})`).join("; ") || "no change";

const titlesSuffix = (titles: readonly number[]) => (titles.length ? `; titles ${titles.join(", ")}` : "");

/** The GM's own character and account: GM commands act on the GM's character. */
function ids(ctx: HandlerContext) {
  return { characterId: ctx.session.requireCharacter().id, accountId: ctx.session.requireAccount().id };
}

async function titleCommand(ctx: HandlerContext, args: string[]): Promise<string> {
  const usage = "!title grant|revoke <titleId>";
  const [action, raw] = args;
  const titleId = intArg(raw, "titleId", usage, ID14);
  const title = ctx.services.data.titles.get(titleId);
  if (!title) throw new WorldError("NOT_FOUND", `no title ${titleId}`, { details: { titleId } });
  const { db } = ctx.services;
  if (action === "grant") {
    const { result } = await grantTitle(db, { ...playerActionOptions(ctx), ...ids(ctx), titleId, source: "gm" });
    await ctx.services.events.flush();
    if (result.granted) return `granted title ${titleId} (${title.name})`;
    ctx.session.send(ServerTitleUpdate, { titleId, alreadyOwned: true, revoked: false });
    return `already owns title ${titleId}`;
  }
  if (action === "revoke") {
    const { result } = await revokeTitle(db, { ...playerActionOptions(ctx), accountId: ids(ctx).accountId, titleId });
    await ctx.services.events.flush();
    return result.revoked ? `revoked title ${titleId} (${title.name})` : `does not own title ${titleId}`;
  }
  throw new WorldError("INVALID_INPUT", `usage: ${usage}`);
}

/** Every GM command by name. */
export const GM_COMMANDS: Readonly<Record<string, GmCommand>> = {
  rep: {
    usage: "!rep <factionId> <amount>",
    summary: "add (or with a negative amount, remove) reputation",
    async run(ctx, [faction, amount]) {
      const factionId = intArg(faction, "factionId", this.usage, ID14);
      if (!ctx.services.data.factions.has(factionId)) throw new WorldError("NOT_FOUND", `no faction ${factionId}`, { details: { factionId } });
      const delta = intArg(amount, "amount", this.usage, { min: -1_000_000, max: 1_000_000 });
      if (delta === 0) throw new WorldError("INVALID_INPUT", "amount must not be 0");
      const { characterId } = ids(ctx);
      const { result } = await awardReputation(ctx.services.db, { ...playerActionOptions(ctx), characterId, changes: [{ factionId, delta }], source: "gm" });
      await ctx.services.events.flush();
      return describe(result.changes);
    },
  },
  kill: {
    usage: "!kill <creatureId>",
    summary: "count a kill of a creature (its reputation rewards apply)",
    async run(ctx, [creature]) {
      const creatureId = intArg(creature, "creatureId", this.usage, ID);
      const { result } = await countKill(ctx.services.db, { ...playerActionOptions(ctx), characterId: ids(ctx).characterId, creatureId });
      await ctx.services.events.flush();
      return describe(result.changes);
    },
  },
  title: { usage: "!title grant|revoke <titleId>", summary: "grant or revoke a title", run: titleCommand },
  achievement: {
    usage: "!achievement <achievementId>",
    summary: "grant an achievement (its reputation rewards and titles follow)",
    async run(ctx, [raw]) {
      const achievementId = intArg(raw, "achievementId", this.usage, { min: 1, max: 32_767 });
      const { result } = await grantAchievement(ctx.services.db, { ...playerActionOptions(ctx), characterId: ids(ctx).characterId, achievementId });
      await ctx.services.events.flush();
      if (!result.granted) return `already has achievement ${achievementId}`;
      return `granted achievement ${achievementId}${titlesSuffix(result.titles)}`;
    },
  },
  path: {
    usage: "!path <soldier|settler|scientist|explorer> <level>",
    summary: "set a path level (its level rewards and titles follow)",
    async run(ctx, [name, raw]) {
      const path = PATH_KEY.find((p) => p === name);
      if (!path) throw new WorldError("INVALID_INPUT", `usage: ${this.usage}`);
      const level = intArg(raw, "level", this.usage, { min: 0, max: 100 });
      const { result } = await setPathLevel(ctx.services.db, { ...playerActionOptions(ctx), characterId: ids(ctx).characterId, path, level });
      await ctx.services.events.flush();
      return `${path} level ${result.before} -> ${result.after}${titlesSuffix(result.titles)}`;
    },
  },
};
