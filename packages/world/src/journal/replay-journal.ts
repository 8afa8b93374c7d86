// Applying the offline journal once the database answers again: each waiting purchase, oldest
// first, through the same purchaseOffer the live path uses, by its idempotency key. The buyer is
// told how it ended by mail (sent with its own key, so exactly once), and a line settles it.
import { DbError, isDatabaseUnavailable, purchaseOffer, sendSystemMail, STORE_ERROR_BY_ERROR, type DbClient, type GameRules } from "@bezgelor/db";
import type { Logger } from "pino";
import type { JournalOutcome, JournalPurchase, OfflineJournal } from "./offline-journal";

/** What one replay did. `stopped` says why it ended early (entries stay pending for the next one). */
export interface ReplayReport {
  committed: number;
  failed: number;
  remaining: number;
  stopped?: "database unavailable" | "unexpected failure";
}

/** What a replay needs; `told` hears every settled purchase (the world server tells an online buyer). */
export interface ReplayDeps {
  journal: OfflineJournal;
  db: DbClient;
  rules: GameRules;
  logger: Logger;
  told?: (purchase: JournalPurchase, outcome: JournalOutcome) => void;
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

/** Mails the buyer the outcome (once, by key). A buyer who cannot get mail (deleted) is logged, not waited for. */
async function tell(deps: ReplayDeps, p: JournalPurchase, outcome: JournalOutcome, log: Logger): Promise<void> {
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
    log.warn({ err: error }, "could not mail the buyer the outcome of an offline store purchase");
  }
}

/**
 * Applies every waiting purchase in order. Stops at the first outage (the rest wait for the next
 * replay) or unexpected failure (logged); a refusal by the game (not enough funds by now, a price
 * that changed, an offer gone) settles the entry as failed with its code, and nothing is charged.
 */
export async function replayJournal(deps: ReplayDeps): Promise<ReplayReport> {
  const report: ReplayReport = { committed: 0, failed: 0, remaining: deps.journal.pending().length };
  for (const p of deps.journal.pending()) {
    const log = deps.logger.child({ journalId: p.id, accountId: p.accountId, offerId: p.offerId });
    try {
      const outcome = await apply(deps, p);
      await tell(deps, p, outcome, log);
      await deps.journal.settle(p.id, outcome);
      report.remaining -= 1;
      if (outcome.outcome === "committed") report.committed += 1;
      else report.failed += 1;
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
