import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CHAT_RESULT } from "@bezgelor/protocol";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

describe("say, yell, zone and emote go to the players who see the speaker", () => {
  it("a player in sight hears it whatever its zone; one out of sight in the speaker's zone does not; the speaker gets its own line", async () => {
    const speaker = await t.inWorld(await t.player({ zoneId: 21 }));
    const near = await t.inWorld(await t.player({ zoneId: 22, position: { x: 50, y: 0, z: 0 } }));
    const far = await t.inWorld(await t.player({ zoneId: 21, position: { x: 400, y: 0, z: 0 } }));
    await near.client.waitFor("ServerEntityCreate", (v) => v.unitId === speaker.client.unitId);
    speaker.client.say("over here");
    expect((await near.client.waitFor("ServerChat", (c) => c.text === "over here")).unitId).toBe(speaker.client.unitId);
    expect((await speaker.client.waitFor("ServerChat", (c) => c.text === "over here")).fromName).toBe(speaker.player.characterName);
    // A line of far's own reaches it after anything sent to it before.
    far.client.say("anyone?");
    await far.client.waitFor("ServerChat", (c) => c.text === "anyone?");
    expect(far.client.pending("ServerChat").filter((p) => (p.value as { text: string }).text === "over here")).toEqual([]);
    expect(speaker.client.pending("ServerChat").filter((p) => (p.value as { text: string }).text === "anyone?")).toEqual([]);
    await Promise.all([speaker.client.close(), near.client.close(), far.client.close()]);
  });

  it("a line with a control character or a bidirectional override is refused InvalidMessageText and goes to nobody", async () => {
    const speaker = await t.inWorld(await t.player({ zoneId: 21 }));
    const near = await t.inWorld(await t.player({ zoneId: 21, position: { x: 10, y: 0, z: 0 } }));
    await near.client.waitFor("ServerEntityCreate", (v) => v.unitId === speaker.client.unitId);
    for (const line of ["look \u202egnp.exe", "ring \u0007 ring"]) {
      speaker.client.say(line);
      expect((await speaker.client.waitFor("ServerChatResult")).chatResult).toBe(CHAT_RESULT.InvalidMessageText);
    }
    // a line after them is heard, and nothing before it was
    speaker.client.say("plain words");
    await near.client.waitFor("ServerChat", (c) => c.text === "plain words");
    expect((await speaker.client.waitFor("ServerChatResult")).chatResult).toBe(CHAT_RESULT.Ok);
    const heard = [...near.client.pending("ServerChat"), ...speaker.client.pending("ServerChat")].map((p) => (p.value as { text: string }).text);
    expect(heard.filter((text) => text !== "plain words")).toEqual([]);
    await Promise.all([speaker.client.close(), near.client.close()]);
  });
});
