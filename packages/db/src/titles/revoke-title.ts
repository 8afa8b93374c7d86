import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { actorCharacterId } from "../actions/definition.js";
import { ClientIdSchema, IdSchema } from "../validation.js";
import { deleteTitle } from "./delete-title.js";

const Input = z.object({ accountId: IdSchema, titleId: ClientIdSchema });

/** The input of {@link revokeTitle}. */
export type RevokeTitleInput = z.input<typeof Input>;

/** What {@link revokeTitle} returns. */
export interface RevokeTitleResult {
  /** False when the account did not have the title (nothing changed, no event). */
  revoked: boolean;
  /** True when it was the active title, which is now cleared. */
  clearedActive: boolean;
}

/**
 * Takes a title away (a GM or admin action), under the account row lock, clearing the active title
 * if it was this one. Emits title.revoked, and title.active-changed (titleId null) when it cleared
 * the active title. The title need not be in the game data (one removed from it can be revoked).
 * Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT (ids, title id outside 1..16383).
 */
export const revokeTitle = defineAction({
  name: "title.revoke",
  input: Input,
  describe: (i) => `Revoking title ${i.titleId} of account ${i.accountId}`,
  async run(ctx, i): Promise<RevokeTitleResult> {
    const result = await deleteTitle(ctx.tx, i.accountId, i.titleId);
    const characterId = actorCharacterId(ctx.actor);
    if (result.revoked) ctx.emit({ kind: "title.revoked", accountId: i.accountId, characterId, titleId: i.titleId, clearedActive: result.clearedActive });
    if (result.clearedActive) ctx.emit({ kind: "title.active-changed", accountId: i.accountId, characterId, titleId: null });
    ctx.step("title.revoked");
    return result;
  },
});
