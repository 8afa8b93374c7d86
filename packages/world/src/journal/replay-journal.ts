// Applying the offline journal once the database answers again: each waiting purchase, oldest
// first, through the same purchaseOffer the live path uses, by its idempotency key. The buyer is
// told how it ended by mail (sent with its own key, so exactly once), and a line settles it.
// Only the purchases made for this database (its identity) are applied; the others stay.
import {
  DbError,
  getDatabaseIdentity,
  isDatabaseUnavailable,
  purchaseOffer,
  sendSystemMail,
  STORE_ERROR_BY_ERROR,
  type DbClient,
  type GameRules,
} from "@bezgelor/db";
import type { Logger } from "pino";
import type { JournalEntry, JournalOutcome, JournalPurchase, OfflineJournal } from "./offline-journal";

/**
 * What one replay did. `remaining` counts this database's purchases still waiting, `held` the
 * entries left untouched because they are another database's or name none. `stopped` says why it
 * ended early (entries stay pending for the next one).
 */
export interface ReplayReport {
  committed: number;
  failed: number;
  /** The purchases the game refused (settled as failed, nothing charged): which, and the refusal's code. */
  refused: { id: string; accountId: number; offerId: number; reason: string }[];
  remaining: number;
  held: number;
  stopped?: "database unavailable" | "unexpected failure";
}

/** What a replay needs; `told` hears every settled purchase (the world server tells an online buyer). */
export interface ReplayDeps {
  journal: OfflineJournal;
  db: DbClient;
  rules: GameRules;
  logger: Logger;
  told?: (purchase: JournalPurchase, outcome: JournalOutcome) => void;
  /**
   * Apply the entries that name no database (journals written before entries did) to this one.
   * Only an operator who knows they were made on it says so (`bezgelor store sync --claim`).
   */
  claimUnmarked?: boolean;
}

const REFUSALS = new Set<string>([...Object.keys(STORE_ERROR_BY_ERROR), "INVALID_INPUT", "ACCOUNT_NOT_FOUND", "CHARACTER_NOT_FOUND"]);

async function apply(deps: ReplayDeps, p: JournalPurchase): Promise<JournalOutcome> {
  try {
    await purchaseOffer(deps.db, {
      rules: deps.rules,
      actor: { kind: "character", accountId: p.accountId, characterId: p.characterId },
      idempotencyKey: p.id,
      accountId: p.accountId,
      characterId: p.characterId,
      offerId: p.offerId,
      currency: p.currency,
      price: BigInt(p.price),
      ...(p.gift ? { gift: { to: { characterId: p.gift.characterId }, note: p.gift.note } } : {}),
    });
    return { outcome: "committed" };
  } catch (error) {
    if (error instanceof DbError && !isDatabaseUnavailable(error) && REFUSALS.has(error.code)) return { outcome: "failed", reason: error.code };
    throw error;
  }
}

function notice(p: JournalPurchase, outcome: JournalOutcome): { subject: string; body: string } {
  const what = `offer ${p.offerId} for ${p.price} ${p.currency}, asked for at ${p.at} while the store was offline`;
  return outcome.outcome === "committed"
    ? { subject: "Store purchase completed", body: `Your purchase of ${what}, is complete.` }
    : { subject: "Store purchase failed", body: `Your purchase of ${what}, could not be made (${outcome.reason}); nothing was charged.` };
}

/**
 * Mails the buyer the outcome (once, by key). A purchase refused because its account is gone has
 * nobody to mail (its characters went with it): that is logged as what happened, and no mail is
 * tried. A buyer whose character is gone is logged the same way, not waited for.
 */
async function tell(deps: ReplayDeps, p: JournalPurchase, outcome: JournalOutcome, log: Logger, claimed: boolean): Promise<void> {
  if (outcome.outcome === "failed" && outcome.reason === "ACCOUNT_NOT_FOUND") {
    // A claimed entry names no database, so its account may never have been this database's.
    const why = claimed ? "deleted, or the claimed journal was written on another database" : "deleted after the purchase was journaled";
    log.warn(
      { characterId: p.characterId },
      `the purchase's account ${p.accountId} does not exist in this database (${why}): settled as failed, nothing charged, nobody to mail`,
    );
    return;
  }
  try {
    await sendSystemMail(deps.db, {
      rules: deps.rules,
      actor: { kind: "system", name: "store-journal" },
      idempotencyKey: `store-journal:${p.id}`,
      to: { characterId: p.characterId },
      from: { type: "gm", name: "Store" },
      ...notice(p, outcome),
    });
  } catch (error) {
    if (!(error instanceof DbError) || isDatabaseUnavailable(error) || error.code === "INTERNAL") throw error;
    if (error.code === "CHARACTER_NOT_FOUND") {
      log.warn(
        { characterId: p.characterId },
        `the purchase's character ${p.characterId} no longer exists: the buyer is not mailed the outcome (${outcome.outcome})`,
      );
      return;
    }
    log.warn({ err: error }, "could not mail the buyer the outcome of an offline store purchase");
  }
}

/** Logs the entries this database leaves alone: how many, and whose. Returns their count. */
function reportHeld(deps: ReplayDeps, held: JournalEntry[], database: string): number {
  const others = new Map<string, number>();
  let unmarked = 0;
  for (const e of held) {
    if (e.database === undefined) unmarked += 1;
    else others.set(e.database, (others.get(e.database) ?? 0) + 1);
  }
  const file = deps.journal.file;
  for (const [other, count] of others) {
    deps.logger.warn(
      { file, count, journalDatabase: other, database },
      "store journal holds purchases made for another database; they are not applied here and stay in the journal (run the server or `bezgelor store sync` on that database)",
    );
  }
  if (unmarked > 0) {
    deps.logger.warn(
      { file, count: unmarked, database },
      "store journal holds purchases that name no database (written by an older server); they are not applied until an operator who knows their database runs `bezgelor store sync --claim` against it",
    );
  }
  return held.length;
}

/**
 * Applies every waiting purchase made for this database (read by getDatabaseIdentity) in order;
 * the entries of another database, or of none unless `claimUnmarked`, are held: logged and left
 * in the journal. Stops at the first outage (the rest wait for the next replay) or unexpected
 * failure (logged); a refusal by the game (not enough funds by now, a price that changed, an
 * offer gone, the account deleted: ACCOUNT_NOT_FOUND, logged as such and not mailed) settles the
 * entry as failed with its code, and nothing is charged.
 */
export async function replayJournal(deps: ReplayDeps): Promise<ReplayReport> {
  const all = deps.journal.pending();
  let database: string;
  try {
    database = await getDatabaseIdentity(deps.db);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return { committed: 0, failed: 0, refused: [], remaining: all.length, held: 0, stopped: "database unavailable" };
    deps.logger.error({ err: error }, "reading the database identity failed; the store journal waits");
    return { committed: 0, failed: 0, refused: [], remaining: all.length, held: 0, stopped: "unexpected failure" };
  }
  const mine = (e: JournalEntry): boolean => e.database === database || (e.database === undefined && deps.claimUnmarked === true);
  const held = reportHeld(
    deps,
    all.filter((e) => !mine(e)),
    database,
  );
  const own = all.filter(mine).map((e) => ({ purchase: { ...e, database }, claimed: e.database === undefined }));
  const report: ReplayReport = { committed: 0, failed: 0, refused: [], remaining: own.length, held };
  for (const { purchase: p, claimed } of own) {
    const log = deps.logger.child({ journalId: p.id, accountId: p.accountId, offerId: p.offerId });
    try {
      const outcome = await apply(deps, p);
      await tell(deps, p, outcome, log, claimed);
      await deps.journal.settle(p.id, outcome);
      report.remaining -= 1;
      if (outcome.outcome === "committed") report.committed += 1;
      else {
        report.failed += 1;
        report.refused.push({ id: p.id, accountId: p.accountId, offerId: p.offerId, reason: outcome.reason });
      }
      log.info({ ...outcome }, "offline store purchase settled");
      deps.told?.(p, outcome);
    } catch (error) {
      if (isDatabaseUnavailable(error)) return { ...report, stopped: "database unavailable" };
      log.error({ err: error }, "replaying an offline store purchase failed; it stays in the journal");
      return { ...report, stopped: "unexpected failure" };
    }
  }
  return report;
}
