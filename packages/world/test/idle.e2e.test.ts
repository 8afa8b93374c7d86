import { describe, expect, it } from "vitest";
import { startTestWorld } from "./support/world";

describe("idle timeout", () => {
  it("closes a silent session and keeps one that pings", async () => {
    const t = await startTestWorld({ idleTimeoutSeconds: 1 });
    try {
      const silent = await t.connect();
      // Kept open by its heartbeat; the session count below is what proves it stays.
      const _pinging = await t.connect({ heartbeatMs: 100 });
      await expect(silent.closed).resolves.toMatchObject({ code: "DISCONNECTED" });
      expect(t.logged("session closed").some((l) => String(l.reason).startsWith("idle for"))).toBe(true);
      expect(t.world.sessions.size).toBe(1);
    } finally {
      await t.close();
    }
  });
});
