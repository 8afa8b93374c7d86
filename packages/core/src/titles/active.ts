import type { Title } from "@bezgelor/data";
import type { Ok, Refused } from "../result";

/** Outcome of a request to display a title: the new active title (`null` = none) or a refusal. */
export type SelectActiveTitleResult = Ok<{ activeTitleId: number | null }> | Refused<"title_not_owned", { titleId: number }>;

/**
 * Choose the title a character displays. 0 clears it; any other id must be owned by the account.
 * Never throws.
 */
export function selectActiveTitle(ownedTitleIds: ReadonlySet<number>, titleId: number): SelectActiveTitleResult {
  if (titleId === 0) return { ok: true, activeTitleId: null };
  if (!ownedTitleIds.has(titleId)) return { ok: false, reason: "title_not_owned", titleId };
  return { ok: true, activeTitleId: titleId };
}

/** When a title granted at `grantedAt` expires, or `null` when it is permanent. Never throws. */
export function titleExpiresAt(title: Title, grantedAt: Date): Date | null {
  return title.durationSeconds === undefined ? null : new Date(grantedAt.getTime() + title.durationSeconds * 1000);
}
