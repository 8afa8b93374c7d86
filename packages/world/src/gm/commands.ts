import { PATH_KEY } from "@bezgelor/data";
import { revokeTitle } from "@bezgelor/db";
import { ServerTitleSet, ServerTitleUpdate } from "@bezgelor/protocol";
import { killCreature } from "../game/creatures";
import { awardReputation, type ReputationResult } from "../game/reputation";
import { earnAchievement, advancePath } from "../game/progress";
import { grantAndAnnounce } from "../game/titles";
import type { HandlerContext } from "../handlers/types";
import { packet } from "../server/outgoing";
import { RuleError } from "../server/rule-error";
import { intArg } from "./args";

/** One GM chat command: `!name args`. `run` returns the line shown to the GM. */
export interface GmCommand {
  readonly usage: string;
  readonly summary: string;
  run(ctx: HandlerContext, args: string[]): Promise<string>;
}

const ID = { min: 1, max: 2_147_483_647 };
const ID14 = { min: 1, max: 16_383 };

const describe = (rs: readonly ReputationResult[]) =>
  rs.map((r) => `faction ${r.factionId}: ${r.before} -> ${r.after} (${r.levelAfter})`).join("; ") || "no change";

function characterOf(ctx: HandlerContext) {
  return { character: ctx.session.requireCharacter(), account: ctx.session.requireAccount() };
}

async function titleCommand(ctx: HandlerContext, args: string[]): Promise<string> {
  const usage = "!title grant|revoke <titleId>";
  const [action, raw] = args;
  const titleId = intArg(raw, "titleId", usage, ID14);
  const title = ctx.services.data.titles.get(titleId);
  if (!title) throw new RuleError("NOT_FOUND", `no title ${titleId}`, { titleId });
  const { character, account } = characterOf(ctx);
  const { db, presence } = ctx.services;
  if (action === "grant") {
    if (await grantAndAnnounce(ctx, titleId, "gm")) return `granted title ${titleId} (${title.name})`;
    ctx.session.send(ServerTitleUpdate, { titleId, alreadyOwned: true, revoked: false });
    return `already owns title ${titleId}`;
  }
  if (action === "revoke") {
    const result = await revokeTitle(db, { accountId: account.id, titleId });
    if (!result.revoked) return `does not own title ${titleId}`;
    ctx.session.send(ServerTitleUpdate, { titleId, alreadyOwned: false, revoked: true });
    if (result.clearedActive) presence.broadcastZone(character.worldId, character.zoneId, packet(ServerTitleSet, { unitId: character.id, titleId: 0 }));
    return `revoked title ${titleId} (${title.name})`;
  }
  throw new RuleError("INVALID_INPUT", `usage: ${usage}`);
}

/** Every GM command by name. */
export const GM_COMMANDS: Readonly<Record<string, GmCommand>> = {
  rep: {
    usage: "!rep <factionId> <amount>",
    summary: "add (or with a negative amount, remove) reputation",
    async run(ctx, [faction, amount]) {
      const factionId = intArg(faction, "factionId", this.usage, ID14);
      if (!ctx.services.data.factions.has(factionId)) throw new RuleError("NOT_FOUND", `no faction ${factionId}`, { factionId });
      const delta = intArg(amount, "amount", this.usage, { min: -1_000_000, max: 1_000_000 });
      if (delta === 0) throw new RuleError("INVALID_INPUT", "amount must not be 0");
      return describe(await awardReputation(ctx, [{ factionId, delta }], "gm"));
    },
  },
  kill: {
    usage: "!kill <creatureId>",
    summary: "count a kill of a creature (its reputation rewards apply)",
    async run(ctx, [creature]) {
      return describe(await killCreature(ctx, intArg(creature, "creatureId", this.usage, ID)));
    },
  },
  title: { usage: "!title grant|revoke <titleId>", summary: "grant or revoke a title", run: titleCommand },
  achievement: {
    usage: "!achievement <achievementId>",
    summary: "grant an achievement (its reputation rewards and titles follow)",
    async run(ctx, [raw]) {
      const achievementId = intArg(raw, "achievementId", this.usage, { min: 1, max: 32_767 });
      const result = await earnAchievement(ctx, achievementId);
      if (!result.granted) return `already has achievement ${achievementId}`;
      return `granted achievement ${achievementId}${result.titles.length ? `; titles ${result.titles.join(", ")}` : ""}`;
    },
  },
  path: {
    usage: "!path <soldier|settler|scientist|explorer> <level>",
    summary: "set a path level (its level rewards and titles follow)",
    async run(ctx, [name, raw]) {
      const path = PATH_KEY.find((p) => p === name);
      if (!path) throw new RuleError("INVALID_INPUT", `usage: ${this.usage}`);
      const result = await advancePath(ctx, path, intArg(raw, "level", this.usage, { min: 0, max: 100 }));
      return `${path} level ${result.before} -> ${result.after}${result.titles.length ? `; titles ${result.titles.join(", ")}` : ""}`;
    },
  },
};
