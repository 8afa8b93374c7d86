import { ClientCharacterSelect, ClientEnteredWorld } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "./support/world";

// Every query waits 150 ms, so the client's hang-up reaches the server while the handlers still
// wait on the database: the situation of a slow PostgreSQL under load.
let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({}, { queryDelayMs: 150 });
});
afterAll(() => t.close());

describe("work finishing for a session that already closed", () => {
  it("select + entered-world in one write, then hang up: the closed session never enters presence or the zone", async () => {
    const observer = await t.inWorld(await t.player({ zoneId: 9 }));
    const leaver = await t.player({ zoneId: 9 });
    const client = await t.connect();
    await client.login(leaver);
    const session = t.world.sessions.ofAccount(leaver.accountId)!;
    client.sendRaw(
      Buffer.concat([client.encode(ClientCharacterSelect, { characterId: BigInt(leaver.characterId) }), client.encode(ClientEnteredWorld, { worldZoneId: 0 })]),
    );
    await client.close();
    // Let everything the closed session had received run to its end.
    await session.drain();

    expect(session.closed).toBe(true);
    expect(t.world.services.presence.get(leaver.characterId)).toBeUndefined();
    expect(t.world.services.presence.inZone(426, 9).map((e) => e.characterId)).toEqual([observer.player.characterId]);
    const ofLeaver = t.logs.filter((l) => l.session === session.id).map((l) => l.msg);
    expect(ofLeaver).toContain("session closed");
    expect(ofLeaver.slice(ofLeaver.indexOf("session closed"))).not.toContain("entered world");
  });

  it("closing a session in the world removes its presence even while a packet is in flight", async () => {
    const { player, client } = await t.inWorld(await t.player({ zoneId: 10 }));
    const session = t.world.sessions.ofAccount(player.accountId)!;
    client.say("still talking while leaving");
    await client.close();
    await session.drain();
    expect(t.world.services.presence.get(player.characterId)).toBeUndefined();
    expect(t.world.services.presence.inZone(426, 10)).toEqual([]);
  });
});
