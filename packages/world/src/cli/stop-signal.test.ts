import { afterEach, describe, expect, it, vi } from "vitest";
import { stopSignal } from "./stop-signal";

describe("stopSignal", () => {
  const before = { SIGINT: process.listeners("SIGINT"), SIGTERM: process.listeners("SIGTERM") };
  afterEach(() => {
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      for (const l of process.listeners(signal)) if (!before[signal].includes(l)) process.off(signal, l);
    }
  });

  it("resolves on the first signal and keeps handling later ones, so they cannot kill the drain", async () => {
    const warn = vi.fn();
    const stop = stopSignal({ warn } as never);
    expect(stop.requested).toBe(false);
    process.emit("SIGTERM", "SIGTERM");
    await expect(stop.received).resolves.toBe("SIGTERM");
    expect(stop.requested).toBe(true);
    // With no listener left, Node's default action for a second Ctrl-C would end the process mid-shutdown.
    expect(process.listenerCount("SIGINT")).toBeGreaterThan(before.SIGINT.length);
    process.emit("SIGINT", "SIGINT");
    expect(warn).toHaveBeenCalledWith({ signal: "SIGINT" }, expect.stringContaining("already stopping"));
  });

  it("dispose stops listening: a start that failed leaves the process's signals as they were", () => {
    const stop = stopSignal({ warn: vi.fn() } as never);
    stop.dispose();
    expect(process.listenerCount("SIGTERM")).toBe(before.SIGTERM.length);
    expect(process.listenerCount("SIGINT")).toBe(before.SIGINT.length);
  });
});
