import { reputationLevel } from "@bezgelor/core";
import { changeReputation } from "@bezgelor/db";
import { ServerReputationUpdate } from "@bezgelor/protocol";
import type { HandlerContext } from "../handlers/types";
import { checkTitles } from "./titles";

export interface ReputationDelta {
  readonly factionId: number;
  readonly delta: number;
}

export interface ReputationResult {
  readonly factionId: number;
  readonly before: number;
  readonly after: number;
  readonly levelBefore: string;
  readonly levelAfter: string;
}

/** Level names before and after each change, under the configured scale. */
export function describeChanges(ctx: HandlerContext, rows: readonly { factionId: number; before: number; after: number }[]): ReputationResult[] {
  const { scale } = ctx.services;
  return rows.map((r) => ({
    ...r,
    levelBefore: reputationLevel(scale, r.before).name,
    levelAfter: reputationLevel(scale, r.after).name,
  }));
}

/**
 * Tells the player the new standings and checks reputation titles for every faction whose level
 * changed. The standings were already written (atomically, clamped) by the caller's transaction.
 */
export async function announceReputation(ctx: HandlerContext, results: readonly ReputationResult[]): Promise<void> {
  for (const r of results) ctx.session.send(ServerReputationUpdate, { factionId: r.factionId, value: r.after });
  for (const r of results) {
    if (r.levelBefore !== r.levelAfter) {
      ctx.session.logger.info({ factionId: r.factionId, from: r.levelBefore, to: r.levelAfter }, "reputation level changed");
      await checkTitles(ctx, { type: "reputation", factionId: r.factionId, standing: r.after });
    }
  }
}

/**
 * Changes the character's standings in one transaction (clamped to the scale, no lost update when
 * many changes race), then announces them and fires title checks. Kills, GM commands and anything
 * else that awards reputation come through here; quests do it inside their own transaction.
 */
export async function awardReputation(ctx: HandlerContext, deltas: readonly ReputationDelta[], source: string): Promise<ReputationResult[]> {
  const characterId = ctx.session.requireCharacter().id;
  if (deltas.length === 0) return [];
  const { scale, db } = ctx.services;
  const rows = await changeReputation(db, {
    characterId,
    changes: deltas.map((d) => ({ factionId: d.factionId, delta: d.delta })),
    bounds: { min: scale.minStanding, max: scale.maxStanding },
    source,
  });
  const results = describeChanges(ctx, rows);
  await announceReputation(ctx, results);
  return results;
}
