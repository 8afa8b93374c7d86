// Issue 8, fault 1: a reward for reaching a level was paid again after the level was lost and
// regained. Over TCP with the GM commands, as a GM would find it.
import { getReputations } from "@bezgelor/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gm } from "./support/gm";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({ rateLimitPerSecond: 1000, rateLimitBurst: 1000 });
});
afterAll(() => t.close());

describe("a level reward is paid once per character and level, ever", () => {
  it("!path soldier 10, !path soldier 0, !path soldier 10 pays the level-10 reputation once", async () => {
    const p = await t.player({ role: "gm" });
    const { client } = await t.inWorld(p);
    expect((await gm(client, "!path soldier 10")).reply).toContain("soldier level 0 -> 10");
    expect(await client.waitFor("ServerReputationUpdate", (u) => u.factionId === 166)).toEqual({ factionId: 166, value: 150 });
    expect(await client.waitFor("ServerReputationUpdate", (u) => u.factionId === 167)).toEqual({ factionId: 167, value: 150 });
    expect((await gm(client, "!path soldier 0")).reply).toContain("soldier level 10 -> 0");
    expect((await gm(client, "!path soldier 10")).reply).toContain("soldier level 0 -> 10");
    // The replies come after the command's events are delivered, so any second payment is here now.
    expect(client.pending("ServerReputationUpdate")).toEqual([]);
    expect(await getReputations(t.db, { characterId: p.characterId })).toEqual([
      { factionId: 166, standing: 150 },
      { factionId: 167, standing: 150 },
    ]);
  });

  it("the GM is told which levels paid", async () => {
    const { client } = await t.inWorld(await t.player({ role: "gm" }));
    expect((await gm(client, "!path soldier 30")).reply).toBe("soldier level 0 -> 30; level rewards 10");
    expect((await gm(client, "!path soldier 5")).reply).toBe("soldier level 30 -> 5");
    expect((await gm(client, "!path soldier 30")).reply).toBe("soldier level 5 -> 30");
  });
});
