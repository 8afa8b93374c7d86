import type { AwardedReputation } from "@bezgelor/db";

/** "faction 166: 0 -> 25 (neutral); ..." or "no change", the reply of reputation commands. */
export function describeReputation(rs: readonly AwardedReputation[]): string {
  return rs.map((r) => `faction ${r.factionId}: ${r.before} -> ${r.after} (${r.levelAfter})`).join("; ") || "no change";
}
