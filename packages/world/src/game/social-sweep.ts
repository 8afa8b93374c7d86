// The periodic sweep of expired mail and friend invites (config mail.sweepIntervalSeconds). Both
// db actions are idempotent, so a sweep that overlaps another process's, or runs twice, changes
// nothing more; their events reach online players through the usual delivery.
import { expireFriendInvites, expireMail, STORE_MAIL_GRANTS, type ExpireMailReport } from "@bezgelor/db";
import type { WorldServices } from "../server/services";
import { mailOptions } from "./social-options";

const ACTOR = { kind: "system", name: "world:sweep" } as const;

/** What one sweep did. */
export interface SocialSweepReport {
  mail: ExpireMailReport;
  invitesExpired: number;
}

/**
 * Expires the mail (returned to its sender, or settled to its holder) and the friend invites due
 * at `now`, then delivers their events. Mail that fails to expire stays as it was, is logged at
 * warn and retried by the next sweep. Throws what listing the due mail or expiring invites throws
 * (an outage, say); the timer logs it.
 */
export async function runSocialSweep(services: WorldServices, now: Date = new Date()): Promise<SocialSweepReport> {
  const { db, rules, logger } = services;
  const mail = await expireMail(db, { rules, actor: ACTOR, now, options: mailOptions(services.config), grants: STORE_MAIL_GRANTS });
  const { result } = await expireFriendInvites(db, { rules, actor: ACTOR, now });
  for (const failure of mail.failed) logger.warn({ ...failure, mailId: failure.mailId.toString() }, "mail could not expire; kept for the next sweep");
  const changed = mail.returned.length + mail.settled.length + mail.deleted.length + result.expired;
  if (changed > 0) {
    logger.info(
      { returned: mail.returned.length, settled: mail.settled.length, deleted: mail.deleted.length, invitesExpired: result.expired },
      "sweep expired mail and invites",
    );
  }
  await services.events.flush();
  return { mail, invitesExpired: result.expired };
}

/**
 * Runs {@link runSocialSweep} every `mail.sweepIntervalSeconds` (never two at once). The returned
 * function stops the timer and waits for a sweep in flight, so shutdown can close the database.
 */
export function startSocialSweep(services: WorldServices): () => Promise<void> {
  let running: Promise<void> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = runSocialSweep(services)
      .then(() => undefined)
      .catch((err: unknown) => services.logger.warn({ err }, "mail and invite sweep failed; retrying at the next interval"))
      .finally(() => (running = undefined));
  }, services.config.mail.sweepIntervalSeconds * 1000).unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
