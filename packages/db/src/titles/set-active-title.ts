import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { actorCharacterId } from "../actions/definition.js";
import { ClientIdSchema, IdSchema } from "../validation.js";
import type { GameEvent } from "../events/game-event.js";
import type { Actor } from "../actions/actor.js";
import { activeTitleBefore, updateActiveTitle, updateActiveTitleSql, updateActiveTitlesSql, type SetActiveTitleRow } from "./update-active-title.js";

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

/** The title set by input `titleId` (0 clears, as null does). */
const wanted = (titleId: number | null): number | null => (titleId === 0 ? null : titleId);

/** The event of a title set or cleared on `accountId` by `actor`. */
const activeChanged = (accountId: number, titleId: number | null, actor: Actor): GameEvent => ({
  kind: "title.active-changed",
  accountId,
  characterId: actorCharacterId(actor),
  titleId,
});

/**
 * Sets the account's active title, or clears it (null or 0). The account must own the title,
 * unexpired at `now`; it is checked after the account row is locked, on a fresh snapshot, so a
 * concurrent revokeTitle never leaves an unowned title active. Emits title.active-changed (also
 * when the title was already active: the request is shown to the zone again). Called on its own,
 * it is one statement with its event (one round trip, no explicit transaction); calls made while
 * the database is busy are sent together (group commit: see ActionSpec.batch), each still
 * all-or-nothing with its event, refused or not on its own.
 * Throws DbError TITLE_NOT_OWNED (nothing changed), ACCOUNT_NOT_FOUND, INVALID_INPUT (ids, title id
 * outside 0..16383).
 */
export const setActiveTitle = defineAction({
  name: "title.set-active",
  input: Input,
  describe: (i) => `Setting the active title of account ${i.accountId}`,
  async run(ctx, i): Promise<SetActiveTitleResult> {
    const titleId = wanted(i.titleId);
    const before = await updateActiveTitle(ctx.tx, i.accountId, titleId, ctx.now);
    ctx.emit(activeChanged(i.accountId, titleId, ctx.actor));
    ctx.step("title.active-set");
    return { activeTitleId: titleId, before };
  },
  statement(i, { actor, now }) {
    const titleId = wanted(i.titleId);
    return {
      sql: updateActiveTitleSql(i.accountId, titleId, now),
      events: [activeChanged(i.accountId, titleId, actor)],
      result: (row: SetActiveTitleRow): SetActiveTitleResult => ({ activeTitleId: titleId, before: activeTitleBefore(row, i.accountId, titleId) }),
    };
  },
  batch: (calls) => updateActiveTitlesSql(calls.map(({ input, env }) => ({ accountId: input.accountId, titleId: wanted(input.titleId), now: env.now }))),
});
