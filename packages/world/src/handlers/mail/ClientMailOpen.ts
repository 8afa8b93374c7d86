import { openMail } from "@bezgelor/db";
import { playerActionOptions } from "../../game/action-options";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { mailOutcome } from "./mail-refusal";

/**
 * ClientMailOpen 0x0122: marks the listed mail read (IsRead); ids not in the character's mailbox
 * are ignored, and nothing is answered, as in NexusForever (the client marks them itself).
 */
export const clientMailOpen = handler("ClientMailOpen", {
  states: IN_WORLD,
  async handle(ctx, { mailIds }) {
    const { session, services } = ctx;
    if (mailIds.length === 0) return;
    await mailOutcome(ctx, async () => {
      const { result } = await openMail(services.db, { ...playerActionOptions(ctx), characterId: session.requireCharacter().id, mailIds });
      session.logger.debug({ mailIds: mailIds.map(String), marked: result.marked }, "mail opened");
    });
  },
});
