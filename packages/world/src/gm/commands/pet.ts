import { setPetNickname, unlockCollectible, type PetKind } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { playerActionOptions } from "../../game/action-options";
import { dismissPet, summonPet } from "../../game/pets/summon-pet";
import { intArg } from "../args";
import { callerIds, gmCommand, ID, REST_OF_LINE } from "../command";

const KINDS: Record<string, PetKind> = { vanity: "vanity_pet", combat: "pet" };

/**
 * `!pet unlock|summon vanity|combat <petId>` (unlock account-wide, source gm; summon as
 * ClientSummonVanityPet does), `!pet name vanity|combat <petId> <name>` (empty clears), `!pet dismiss`.
 */
export const pet = gmCommand({
  name: "pet",
  role: "gm",
  usage: "!pet unlock|summon vanity|combat <petId> | !pet name vanity|combat <petId> [name] | !pet dismiss",
  summary: "unlock, summon, name or dismiss a vanity or combat pet",
  maxArgs: ([action]) => (action === "dismiss" ? 1 : action === "name" ? REST_OF_LINE : 3),
  async run(ctx, [action, kindArg, raw, ...name]) {
    if (action === "dismiss") return dismissPet(ctx) ? "pet dismissed" : "no pet out";
    const kind = KINDS[kindArg ?? ""];
    if (!kind) throw new WorldError("INVALID_INPUT", `usage: ${this.usage}`);
    const petId = intArg(raw, "petId", this.usage, ID);
    const options = { ...playerActionOptions(ctx), ...callerIds(ctx) };
    if (action === "unlock") {
      const { result } = await unlockCollectible(ctx.services.db, { ...options, scope: "account", collectibleType: kind, collectibleId: petId, source: "gm" });
      await ctx.services.events.flush();
      return result.unlocked ? `unlocked ${kindArg} pet ${petId}` : `already has ${kindArg} pet ${petId}`;
    }
    if (action === "summon") {
      const unit = await summonPet(ctx, kind, petId);
      return `summoned ${kindArg} pet ${petId} (unit ${unit.id})`;
    }
    if (action === "name") {
      const nickname = name.join(" ");
      await setPetNickname(ctx.services.db, { ...options, kind, petId, nickname: nickname === "" ? null : nickname });
      await ctx.services.events.flush();
      const out = ctx.services.world.companionOf(options.characterId, "pet");
      if (out?.spec.collectibleType === kind && out.spec.collectibleId === petId) await summonPet(ctx, kind, petId);
      return nickname === "" ? `cleared the name of ${kindArg} pet ${petId}` : `named ${kindArg} pet ${petId} ${nickname}`;
    }
    throw new WorldError("INVALID_INPUT", `usage: ${this.usage}`);
  },
});
