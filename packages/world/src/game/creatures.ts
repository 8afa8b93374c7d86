import type { HandlerContext } from "../handlers/types";
import { RuleError } from "../server/rule-error";
import { awardReputation, type ReputationResult } from "./reputation";

/**
 * A creature died to this player: award its reputation rewards (which fire title checks). This is
 * the hook a combat system calls; today the GM command `!kill` does.
 */
export async function killCreature(ctx: HandlerContext, creatureId: number): Promise<ReputationResult[]> {
  const creature = ctx.services.data.creatures.get(creatureId);
  if (!creature) throw new RuleError("NOT_FOUND", `no creature ${creatureId}`, { creatureId });
  const deltas = creature.rewards.reputation.map((r) => ({ factionId: r.factionId, delta: r.amount }));
  ctx.session.logger.info({ creatureId, rewards: deltas.length }, "creature killed");
  return awardReputation(ctx, deltas, `kill ${creatureId}`);
}
