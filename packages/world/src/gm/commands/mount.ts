import { unlockCollectible } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { playerActionOptions } from "../../game/action-options";
import { dismountPlayer } from "../../game/mounts/summon-mount";
import { summonMountAsCast } from "../../game/spells";
import { intArg } from "../args";
import { callerIds, gmCommand, ID } from "../command";

/**
 * `!mount unlock <mountId>` (account-wide, source gm), `!mount flair <flairId>` (unlock flair),
 * `!mount summon <mountId>` (summonMountAsCast: as casting its ability does, under the same
 * cooldowns, which it starts; refused NOT_AVAILABLE while they run), `!mount dismiss`.
 */
export const mount = gmCommand({
  name: "mount",
  role: "gm",
  usage: "!mount unlock|summon <mountId> | !mount flair <flairId> | !mount dismiss",
  summary: "unlock, summon or dismiss a mount; unlock flair",
  maxArgs: ([action]) => (action === "dismiss" ? 1 : 2),
  async run(ctx, [action, raw]) {
    if (action === "dismiss") return dismountPlayer(ctx) ? "dismounted" : "not mounted";
    if (action !== "summon" && action !== "unlock" && action !== "flair") throw new WorldError("INVALID_INPUT", `usage: ${this.usage}`);
    const id = intArg(raw, action === "flair" ? "flairId" : "mountId", this.usage, ID);
    if (action === "summon") {
      const unit = await summonMountAsCast(ctx, id);
      return `summoned mount ${id} (unit ${unit.id}, speed ${unit.spec.speed})`;
    }
    const collectibleType = action === "flair" ? "flair" : "mount";
    const { result } = await unlockCollectible(ctx.services.db, {
      ...playerActionOptions(ctx),
      ...callerIds(ctx),
      scope: "account",
      collectibleType,
      collectibleId: id,
      source: "gm",
    });
    await ctx.services.events.flush();
    return result.unlocked ? `unlocked ${collectibleType} ${id}` : `already has ${collectibleType} ${id}`;
  },
});
