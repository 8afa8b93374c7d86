// Mail requests are answered with their genuine packets (ServerMailResult, ServerMailTakeAttachment)
// carrying a GenericError, not ServerRequestResult: the refusals the mail actions throw (DbError
// codes in MAIL_ERROR_BY_ERROR, and INVALID_INPUT for a value the action's schema refuses) become
// their code. Anything else (an outage, a bug) propagates to the session's usual handling.
import { MAIL_GENERIC_ERROR, type MailGenericError } from "@bezgelor/core";
import { DbError, MAIL_ERROR_BY_ERROR, mailErrorFor } from "@bezgelor/db";
import type { HandlerContext } from "../types";

/** ServerMailResult's `action` values (NexusForever MailManager). */
export const MAIL_ACTION = { SendOrReturn: 1, TakeCash: 2, PayCod: 3, Delete: 5 } as const;

/** Logs a refused mail request at info with its context. */
export function logMailRefusal(ctx: HandlerContext, result: MailGenericError, why: string, details: Record<string, unknown> = {}): void {
  ctx.session.logger.info({ ...details, result }, `mail request refused: ${why}`);
}

/**
 * Runs a mail action and returns the GenericError to answer with: Ok when it ran, the refusal's
 * code (logged at info) when it was refused. Anything else is thrown.
 */
export async function mailOutcome(ctx: HandlerContext, run: () => Promise<void>): Promise<MailGenericError> {
  try {
    await run();
    return MAIL_GENERIC_ERROR.Ok;
  } catch (error) {
    if (!(error instanceof DbError) || !(error.code in MAIL_ERROR_BY_ERROR || error.code === "INVALID_INPUT")) throw error;
    const result = mailErrorFor(error.code);
    logMailRefusal(ctx, result, error.message, { code: error.code, ...error.details });
    return result;
  }
}

/**
 * Whether unit `unitId` is a mailbox the character sees within reach (`WorldMaps.reach`); when it
 * is not, logs the refusal (MailBoxOutOfRange) and returns false. NexusForever's MailManager checks
 * the same before taking credits or an attachment and before sending attachments
 * (`Source/NexusForever.Game/Entity/MailManager.cs` IsTargetMailBoxInRange).
 */
export function mailboxInReach(ctx: HandlerContext, unitId: number): boolean {
  const reach = ctx.services.world.reach(ctx.session.requireCharacter().id, unitId);
  if (reach.ok && reach.unit.spawn.type === "mailbox") return true;
  const why = reach.ok ? `unit ${unitId} is not a mailbox` : `mailbox ${unitId} not in reach (${reach.reason})`;
  logMailRefusal(ctx, MAIL_GENERIC_ERROR.MailBoxOutOfRange, why, { unitId });
  return false;
}
