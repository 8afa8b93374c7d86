import { returnMail } from "@bezgelor/db";
import { ServerMailResult } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { mailOptions } from "../../game/social-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { MAIL_ACTION, mailOutcome } from "./mail-refusal";

/**
 * ClientMailReturn 0x0124, answered by ServerMailUnavailable (through the events) and
 * ServerMailResult action 1: the mail goes back to its sender with everything in it (the sender
 * gets ServerMailAvailable, online anywhere). Refusals: DoesNotExist, CannotReturn (system mail,
 * already returned, something taken or paid); nothing changes.
 */
export const clientMailReturn = handler("ClientMailReturn", {
  states: IN_WORLD,
  async handle(ctx, { mailId }) {
    const { session, services } = ctx;
    const result = await mailOutcome(ctx, async () => {
      const { result: back } = await returnMail(services.db, {
        ...playerActionOptions(ctx),
        characterId: session.requireCharacter().id,
        mailId,
        options: mailOptions(services.config),
      });
      session.logger.info({ mailId: mailId.toString(), to: back.senderCharacterId }, "mail returned");
    });
    await services.events.flush();
    session.send(ServerMailResult, { action: MAIL_ACTION.SendOrReturn, mailId, result });
  },
});
