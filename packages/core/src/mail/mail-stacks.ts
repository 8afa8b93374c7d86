// What one attachment slot holds. The client's inventory keeps items in stacks of at most the
// item's maxStack (items.json; 1 for an item that does not stack), and attaching moves one stack
// into one slot (NexusForever's MailManager attaches an item guid, a whole stack), so a slot
// never holds more than maxStack of its item: 45 potions of maxStack 20 are three stacks, three
// slots. Every sender is held to this, a player (ClientMailSend) or the system (the CLI, other
// services).
import type { Ok, Refused } from "../result";
import { MAIL_REFUSAL } from "./mail-rules";

/** An item stack to attach, with its item's largest stack (item data `maxStack`). */
export interface MailStack {
  readonly itemId: number;
  readonly count: number;
  readonly maxStack: number;
}

/** The decision of {@link checkMailStacks}: the first stack that does not fit a slot, if any. */
export type MailStacksDecision = Ok | Refused<typeof MAIL_REFUSAL.INVALID_STACK, { stack: MailStack }>;

/** Whether `count` of an item with `maxStack` is one stack: a whole number of 1..maxStack. */
export function isMailStack(count: number, maxStack: number): boolean {
  return Number.isInteger(count) && count >= 1 && count <= maxStack;
}

/**
 * Checks that every item stack fits an attachment slot: 1..maxStack of its item. Refuses
 * INVALID_STACK naming the first that does not (a count past the item's maxStack, or below 1).
 */
export function checkMailStacks(stacks: readonly MailStack[]): MailStacksDecision {
  const stack = stacks.find((s) => !isMailStack(s.count, s.maxStack));
  return stack ? { ok: false, reason: MAIL_REFUSAL.INVALID_STACK, stack } : { ok: true };
}
