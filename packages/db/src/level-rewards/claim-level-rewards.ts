// Rewards tied to a level are paid once per owner, track and level, ever. The claim is a row in
// level_reward_claims whose primary key is exactly that, written with ON CONFLICT DO NOTHING in the
// paying transaction: a level lost and regained finds its row and pays nothing; two transactions
// claiming one level queue on the key, and the second, once the first commits, claims nothing. If
// the paying transaction rolls back, so does the claim, and the level can be paid later.
import { z } from "zod";
import type { ActionContext } from "../actions/action.js";
import { Prisma } from "../generated/prisma/client";
import { IdSchema, parseInput } from "../validation.js";
import { LEVEL_REWARD_OWNER_KINDS, type LevelRewardOwner } from "./level-reward-owner.js";

/** Tracks are lower-case words joined by colons (`path:soldier`, `pet:42`), 1..64 characters; mirrors the CHECK. */
const TrackSchema = z
  .string()
  .max(64)
  .regex(/^[a-z][a-z0-9_-]*(:[a-z0-9_-]+)*$/, "must be words joined by ':' (e.g. path:soldier)");

const Input = z.object({
  owner: z.object({ kind: z.enum(LEVEL_REWARD_OWNER_KINDS), id: IdSchema }),
  track: TrackSchema,
  levels: z.array(z.number().int().min(1).max(1_000_000)).max(1000),
});

/** Options for {@link claimLevelRewards}. */
export interface ClaimLevelRewardsOptions {
  owner: LevelRewardOwner;
  /** The reward ladder, e.g. `path:soldier` ({@link pathRewardTrack}). */
  track: string;
  /** The levels reached whose rewards the caller is about to pay (duplicates are claimed once). */
  levels: readonly number[];
}

/**
 * Claims the rewards of `levels` for `owner` on `track` in the caller's transaction (a step of an
 * action: pass the action's context) and returns the levels newly claimed, ascending: pay exactly
 * those. A level claimed before, by this or any earlier transaction, is left out; a racing claim of
 * the same level waits for the other transaction and is then left out (PostgreSQL), so a level pays
 * once whatever the interleaving. Throws DbError INVALID_INPUT (an unknown owner kind, an id or level
 * below 1, a malformed track).
 */
export async function claimLevelRewards(ctx: Pick<ActionContext, "tx">, options: ClaimLevelRewardsOptions): Promise<number[]> {
  const { owner, track, levels } = parseInput(Input, options);
  const distinct = [...new Set(levels)].sort((a, b) => a - b);
  if (distinct.length === 0) return [];
  const rows = await ctx.tx.$queryRaw<Array<{ level: number }>>`INSERT INTO "level_reward_claims" ("owner_kind", "owner_id", "track", "level")
    VALUES ${Prisma.join(distinct.map((level) => Prisma.sql`(${owner.kind}, ${owner.id}, ${track}, ${level})`))}
    ON CONFLICT ("owner_kind", "owner_id", "track", "level") DO NOTHING
    RETURNING "level"`;
  return rows.map((r) => Number(r.level)).sort((a, b) => a - b);
}
