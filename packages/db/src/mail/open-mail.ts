import { MAIL_FLAG, MAIL_LIMITS } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { IdSchema, isRowId } from "../validation.js";

const Input = z.object({
  characterId: IdSchema,
  mailIds: z
    .array(z.bigint().min(0n))
    .min(1)
    .max(MAIL_LIMITS.attachments * 100),
});

/**
 * Marks mail as read (ClientMailOpen 0x0122 sends the ids): sets IsRead on those of `mailIds`
 * in the character's mailbox; others are ignored, as NexusForever ignores them. Returns how many
 * changed. No event: only the reader's client shows it. An id no row can have (0, above 2^63-1)
 * is ignored like any other not in the mailbox, without asking the database when none is left.
 * Throws DbError INVALID_INPUT.
 */
export const openMail = defineAction({
  name: "mail.open",
  input: Input,
  describe: (i) => `Marking ${i.mailIds.length} mail read for character ${i.characterId}`,
  run: async (ctx, input) => {
    const mailIds = input.mailIds.filter(isRowId);
    if (mailIds.length === 0) return { marked: 0 };
    const changed = await ctx.tx.$executeRaw`UPDATE "mail" SET "flags" = "flags" | ${MAIL_FLAG.IsRead}
      WHERE "recipient_character_id" = ${input.characterId} AND "id" = ANY(${mailIds}::bigint[]) AND "flags" & ${MAIL_FLAG.IsRead} = 0`;
    return { marked: changed };
  },
});
