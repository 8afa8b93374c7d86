import { petShareOfKillXp } from "@bezgelor/core";
import { awardPetXp, type AwardPetXpResult } from "@bezgelor/db";
import { playerActionOptions } from "../action-options";
import type { HandlerContext } from "../../handlers/types";

/**
 * `amount` XP to the combat pet the session's character has out, through awardPetXp (levels,
 * rewards once per level); its event's delivery sends the owner ServerPetXp and ServerPetLevelUp
 * and gives the pet its new level (its next attacks hit for it; those who see it are told). Undefined when no combat pet is out or the
 * amount is 0. Throws what awardPetXp throws (DbError).
 */
export async function awardOutPetXp(ctx: HandlerContext, amount: number, source: string): Promise<AwardPetXpResult | undefined> {
  const characterId = ctx.session.requireCharacter().id;
  const pet = ctx.services.world.companionOf(characterId, "pet");
  if (pet?.spec.collectibleType !== "pet" || amount === 0) return undefined;
  const { result } = await awardPetXp(ctx.services.db, { ...playerActionOptions(ctx), characterId, petId: pet.spec.collectibleId, amount, source });
  // Delivering pet.xp-gained gives the pet out its new level (its fight, those who see it).
  await ctx.services.events.flush();
  return result;
}

/**
 * The kill hook for pets: the combat pet out gets 10 % of the kill's XP, rounded down (core
 * petShareOfKillXp), through {@link awardOutPetXp}. Undefined when no combat pet is out or the
 * share is 0.
 */
export function awardPetKillXp(ctx: HandlerContext, killXp: number, source: string): Promise<AwardPetXpResult | undefined> {
  return awardOutPetXp(ctx, petShareOfKillXp(killXp), source);
}
