// The title check every action with consequences runs after its own writes, in its transaction:
// load the state, ask core which titles the trigger unlocks, grant each (with its event).
import { titleUnlocksFor, type TitleTrigger } from "@bezgelor/core";
import type { ActionContext } from "../actions/action.js";
import { grantTitle } from "./grant-title.js";
import { loadTitleState } from "./load-title-state.js";

/**
 * Grants every title `trigger` unlocks for the account, judged on the character's progress, and
 * returns the ids newly granted (ascending). Calls the fault hook with "titles.checked".
 */
export async function checkTitles(ctx: ActionContext, ids: { accountId: number; characterId: number }, trigger: TitleTrigger): Promise<number[]> {
  const state = await loadTitleState(ctx.tx, { ...ids, now: ctx.now });
  const granted: number[] = [];
  for (const titleId of titleUnlocksFor(ctx.rules.data.titles, trigger, state, ctx.rules.scale)) {
    const result = await grantTitle.within(ctx, { ...ids, titleId, source: trigger.type });
    if (result.granted) granted.push(titleId);
  }
  ctx.step("titles.checked");
  return granted;
}
