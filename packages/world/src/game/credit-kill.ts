// The one kill path: what a creature's death gives the character it counts for, whoever struck the
// last blow (the player's basic attack, GM !kill, or its combat pet on the world step, run with the
// owner's session: `game/pets/pet-attacks.ts`).
import { countKill } from "@bezgelor/db";
import type { HandlerContext } from "../handlers/types";
import { playerActionOptions } from "./action-options";
import { awardPetKillXp } from "./pets/award-pet-kill-xp";

/**
 * Counts a kill of `creatureId` for the session's character: `countKill` (reputation, titles, XP)
 * with its events delivered, then the combat pet out gets 10 % of the creature's XP
 * (`awardPetKillXp`, levels and their rewards). Returns both results (`pet` undefined without a
 * combat pet out or a share of 0). Throws what countKill and awardPetXp throw (DbError).
 */
export async function creditKill(ctx: HandlerContext, creatureId: number, source: string) {
  const characterId = ctx.session.requireCharacter().id;
  const { result } = await countKill(ctx.services.db, { ...playerActionOptions(ctx), characterId, creatureId });
  await ctx.services.events.flush();
  const pet = await awardPetKillXp(ctx, ctx.services.data.creatures.get(creatureId)?.rewards.xp ?? 0, source);
  return { result, pet };
}
