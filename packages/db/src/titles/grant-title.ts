import { titleExpiresAt } from "@bezgelor/core";
import { z } from "zod";
import { TITLE_SOURCES } from "./title-record.js";
import { defineAction } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { ClientIdSchema, IdSchema } from "../validation.js";
import { insertTitle } from "./insert-title.js";
import { lockAccount } from "./lock-account.js";
import type { AccountTitleRecord } from "./title-record.js";

const Input = z.object({
  accountId: IdSchema,
  titleId: ClientIdSchema,
  source: z.enum(TITLE_SOURCES),
  /** The character whose progress unlocked it, if any (named in the event). */
  characterId: IdSchema.nullable().optional(),
});

/** The input of {@link grantTitle}. */
export type GrantTitleInput = z.input<typeof Input>;

/** What {@link grantTitle} returns. */
export interface GrantTitleResult {
  /** False when the account already owned the title unexpired (nothing changed, no event). */
  granted: boolean;
  title: AccountTitleRecord;
}

/**
 * Grants a title the game data defines to an account, idempotently. Event titles expire
 * `durationSeconds` after `now` (titleExpiresAt in core); an expired title is renewed. Emits
 * title.granted when it granted. Concurrent grants of one title make one row and one event.
 * Throws DbError UNKNOWN_GAME_DATA (no such title), ACCOUNT_NOT_FOUND, INVALID_INPUT (ids, title id
 * outside 1..16383, unknown source).
 */
export const grantTitle = defineAction({
  name: "title.grant",
  input: Input,
  describe: (i) => `Granting title ${i.titleId} to account ${i.accountId}`,
  async run(ctx, i): Promise<GrantTitleResult> {
    const title = requireDefinition(ctx.rules.data.titles, "title", i.titleId);
    await lockAccount(ctx.tx, i.accountId);
    const result = await insertTitle(ctx.tx, {
      accountId: i.accountId,
      titleId: i.titleId,
      source: i.source,
      expiresAt: titleExpiresAt(title, ctx.now),
      now: ctx.now,
    });
    if (result.granted) {
      ctx.emit({
        kind: "title.granted",
        accountId: i.accountId,
        characterId: i.characterId ?? null,
        titleId: i.titleId,
        source: i.source,
        expiresAt: result.title.expiresAt,
      });
    }
    ctx.step("title.granted");
    return result;
  },
});
