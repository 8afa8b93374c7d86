import { describe, expect, it } from "vitest";
import { ENTER_WORLD_STEPS } from "./index";
import { enterWorldStep, runEnterWorldSteps, type EnterWorldContext } from "./step";

const ctx = { characterId: 1, accountId: 1, now: new Date(0) } as unknown as EnterWorldContext;

/** A step whose load finishes when `release` is called, recording its send in `sent`. */
function gatedStep(name: string, sent: string[]) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const step = enterWorldStep({
    name,
    load: async () => {
      await gate;
      return name.toUpperCase();
    },
    send: (_ctx, loaded) => void sent.push(loaded),
  });
  return { step, release };
}

describe("runEnterWorldSteps", () => {
  it("loads every step together and sends in list order, whatever finishes first", async () => {
    const sent: string[] = [];
    const a = gatedStep("a", sent);
    const b = gatedStep("b", sent);
    const c = gatedStep("c", sent);
    const run = runEnterWorldSteps(ctx, [a.step, b.step, c.step]);
    c.release();
    b.release();
    await Promise.resolve();
    expect(sent).toEqual([]);
    a.release();
    await run;
    expect(sent).toEqual(["A", "B", "C"]);
  });

  it("sends nothing when a load fails", async () => {
    const sent: string[] = [];
    const ok = gatedStep("ok", sent);
    ok.release();
    const failing = enterWorldStep({ name: "broken", load: () => Promise.reject(new Error("db down")), send: () => sent.push("broken") });
    await expect(runEnterWorldSteps(ctx, [ok.step, failing])).rejects.toThrow("db down");
    expect(sent).toEqual([]);
  });

  it("lists today's features in their packet order", () => {
    expect(ENTER_WORLD_STEPS.map((s) => s.name)).toEqual(["titles", "achievements", "currencies", "friends", "mail", "collection"]);
  });
});
