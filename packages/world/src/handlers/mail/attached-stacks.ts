import { MAIL_GENERIC_ERROR } from "@bezgelor/core";
import { listInventory } from "@bezgelor/db";
import type { HandlerContext } from "../types";

const MAX_ITEM_ID = BigInt(2 ** 31 - 1);

/**
 * The item stacks ClientMailSend's ten guids name. This server's inventory holds one stack per
 * item id (a count), not items with guids, so a guid is an item id: a non-zero guid attaches one
 * stack of that item, as attaching an item in the client moves one stack: everything the
 * character holds of it, up to the item's maxStack (the client's inventory keeps a holding past
 * maxStack as several stacks; core checkMailStacks, which the send action enforces). 0 is an
 * empty slot. Returns the stacks, or InvalidInventorySlot when a guid names no item the character
 * holds or names one stack twice. The counts are read here; the send action moves them in its
 * transaction and refuses (InvalidInventorySlot) if they are no longer there.
 */
export async function attachedStacks(
  ctx: HandlerContext,
  guids: readonly bigint[],
): Promise<{ ok: true; items: Array<{ itemId: number; count: number }> } | { ok: false; result: number; why: string }> {
  const wanted = guids.filter((g) => g !== 0n);
  if (wanted.length === 0) return { ok: true, items: [] };
  if (new Set(wanted).size !== wanted.length) return { ok: false, result: MAIL_GENERIC_ERROR.InvalidInventorySlot, why: "one stack attached twice" };
  const inventory = await listInventory(ctx.services.db, { characterId: ctx.session.requireCharacter().id });
  const items: Array<{ itemId: number; count: number }> = [];
  for (const guid of wanted) {
    const stack = guid <= MAX_ITEM_ID ? inventory.find((i) => i.itemId === Number(guid)) : undefined;
    if (!stack || stack.count < 1) return { ok: false, result: MAIL_GENERIC_ERROR.InvalidInventorySlot, why: `no stack of item ${guid}` };
    // An item the data does not define keeps its count: the send action refuses it (UNKNOWN_GAME_DATA).
    const maxStack = ctx.services.data.items.get(stack.itemId)?.maxStack ?? stack.count;
    items.push({ itemId: stack.itemId, count: Math.min(stack.count, maxStack) });
  }
  return { ok: true, items };
}
