import { describe, expect, it } from "vitest";
import { MAIL_REFUSAL } from "./mail-rules";
import { checkMailStacks, isMailStack } from "./mail-stacks";

describe("checkMailStacks", () => {
  it("takes stacks of 1..maxStack of each item", () => {
    expect(checkMailStacks([])).toEqual({ ok: true });
    expect(
      checkMailStacks([
        { itemId: 30010, count: 20, maxStack: 20 },
        { itemId: 30001, count: 1, maxStack: 1 },
      ]),
    ).toEqual({ ok: true });
  });

  it("refuses the first stack past its item's maxStack, or below 1, naming it", () => {
    const potion = { itemId: 30010, count: 999_999_999, maxStack: 20 };
    expect(checkMailStacks([{ itemId: 30011, count: 5, maxStack: 20 }, potion])).toEqual({ ok: false, reason: MAIL_REFUSAL.INVALID_STACK, stack: potion });
    expect(checkMailStacks([{ itemId: 30010, count: 21, maxStack: 20 }])).toMatchObject({ ok: false, reason: "invalid_stack" });
    expect(checkMailStacks([{ itemId: 30001, count: 2, maxStack: 1 }])).toMatchObject({ ok: false, stack: { itemId: 30001, count: 2 } });
    expect(checkMailStacks([{ itemId: 30010, count: 0, maxStack: 20 }])).toMatchObject({ ok: false });
  });

  it("a stack is a whole number", () => {
    expect(isMailStack(1.5, 20)).toBe(false);
    expect(isMailStack(20, 20)).toBe(true);
  });
});
