import { deleteMail } from "@bezgelor/db";
import { ServerMailResult } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { MAIL_ACTION, mailOutcome } from "./mail-refusal";

/**
 * ClientMailDelete 0x011E: deletes each listed mail in turn, each answered (as in NexusForever)
 * by ServerMailUnavailable (through the events) and ServerMailResult action 5. A mail still
 * holding credits or attachments is refused CannotDelete, one not in the mailbox DoesNotExist;
 * it stays as it was.
 */
export const clientMailDelete = handler("ClientMailDelete", {
  states: IN_WORLD,
  async handle(ctx, { mailIds }) {
    const { session, services } = ctx;
    const characterId = session.requireCharacter().id;
    for (const mailId of mailIds) {
      const result = await mailOutcome(ctx, async () => {
        await deleteMail(services.db, { ...playerActionOptions(ctx), characterId, mailId });
        session.logger.info({ mailId: mailId.toString() }, "mail deleted");
      });
      await services.events.flush();
      session.send(ServerMailResult, { action: MAIL_ACTION.Delete, mailId, result });
    }
  },
});
