import { awardReputation } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { playerActionOptions } from "../../game/action-options";
import { intArg } from "../args";
import { callerIds, gmCommand, ID14 } from "../command";
import { describeReputation } from "../describe-reputation";

/** `!rep <factionId> <amount>`: awardReputation on the caller's character, source "gm". */
export const rep = gmCommand({
  name: "rep",
  role: "gm",
  usage: "!rep <factionId> <amount>",
  summary: "add (or with a negative amount, remove) reputation",
  maxArgs: 2,
  async run(ctx, [faction, amount]) {
    const factionId = intArg(faction, "factionId", this.usage, ID14);
    if (!ctx.services.data.factions.has(factionId)) throw new WorldError("NOT_FOUND", `no faction ${factionId}`, { details: { factionId } });
    const delta = intArg(amount, "amount", this.usage, { min: -1_000_000, max: 1_000_000 });
    if (delta === 0) throw new WorldError("INVALID_INPUT", "amount must not be 0");
    const { characterId } = callerIds(ctx);
    const { result } = await awardReputation(ctx.services.db, { ...playerActionOptions(ctx), characterId, changes: [{ factionId, delta }], source: "gm" });
    await ctx.services.events.flush();
    return describeReputation(result.changes);
  },
});
