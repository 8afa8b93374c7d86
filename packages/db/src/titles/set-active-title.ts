import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { actorCharacterId } from "../actions/definition.js";
import { ClientIdSchema, IdSchema } from "../validation.js";
import { updateActiveTitle } from "./update-active-title.js";

const Input = z.object({
  accountId: IdSchema,
  /** The title to show; null or 0 clears it. */
  titleId: z.union([z.literal(0), ClientIdSchema]).nullable(),
});

/** The input of {@link setActiveTitle}. */
export type SetActiveTitleInput = z.input<typeof Input>;

/** What {@link setActiveTitle} returns. */
export interface SetActiveTitleResult {
  activeTitleId: number | null;
  /** The active title before (null for none). */
  before: number | null;
}

/**
 * Sets the account's active title, or clears it (null or 0). The account must own the title,
 * unexpired at `now`; the check and the update are one statement under the account row lock, so a
 * concurrent revokeTitle never leaves an unowned title active. Emits title.active-changed (also
 * when the title was already active: the request is shown to the zone again).
 * Throws DbError TITLE_NOT_OWNED (nothing changed), ACCOUNT_NOT_FOUND, INVALID_INPUT (ids, title id
 * outside 0..16383).
 */
export const setActiveTitle = defineAction({
  name: "title.set-active",
  input: Input,
  describe: (i) => `Setting the active title of account ${i.accountId}`,
  async run(ctx, i): Promise<SetActiveTitleResult> {
    const titleId = i.titleId === 0 ? null : i.titleId;
    const before = await updateActiveTitle(ctx.tx, i.accountId, titleId, ctx.now);
    ctx.emit({ kind: "title.active-changed", accountId: i.accountId, characterId: actorCharacterId(ctx.actor), titleId });
    ctx.step("title.active-set");
    return { activeTitleId: titleId, before };
  },
});
