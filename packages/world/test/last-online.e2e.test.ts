import { getCharacter, recordCharacterOnline } from "@bezgelor/db";
import { ClientLogoutConfirm } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "./support/world";

const DAY_MS = 86_400_000;

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

describe("the character list's days since last logout", () => {
  it("is 0 for a character never played, and the time since it left the world (negative, as the client reads it)", async () => {
    const p = await t.player();
    const client = await t.connect();
    const first = await client.login(p);
    expect(first.characters[0]!.lastLoggedOutDays).toBe(0);

    const start = Date.now();
    await client.enterWorld(p.characterId);
    client.send(ClientLogoutConfirm, {});
    await client.waitFor("ServerLogout");
    const list = await client.characterList();
    const stamped = (await getCharacter(t.db, { characterId: p.characterId })).lastOnlineAt;
    expect(stamped!.getTime()).toBeGreaterThanOrEqual(start - 1000);
    expect(list.characters[0]!.lastLoggedOutDays).toBeLessThanOrEqual(0);
    expect(list.characters[0]!.lastLoggedOutDays).toBeGreaterThan(-1 / 24);

    await recordCharacterOnline(t.db, { characterId: p.characterId, at: new Date(Date.now() - 3 * DAY_MS) });
    expect((await client.characterList()).characters[0]!.lastLoggedOutDays).toBeCloseTo(-3, 2);
  });

  it("is written when the connection drops in the world, too", async () => {
    const { player, client } = await t.inWorld();
    const session = t.world.sessions.ofAccount(player.accountId)!;
    const long = new Date(Date.now() - 10 * DAY_MS);
    await recordCharacterOnline(t.db, { characterId: player.characterId, at: long });
    await client.close();
    await session.drain();
    await expect.poll(async () => (await getCharacter(t.db, { characterId: player.characterId })).lastOnlineAt!.getTime()).toBeGreaterThan(long.getTime());
  });
});
