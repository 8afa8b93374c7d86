import { issueSessionKey } from "@bezgelor/db";
import { CHARACTER_SELECT_RESULT, FORCE_KICK_REASON, ClientCharacterList, ClientCharacterSelect, ClientHelloRealm, ClientPing } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestPlayer, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

const hello = (p: { accountId: number; email: string }, key: string) => ({
  accountId: p.accountId,
  sessionKey: Buffer.from(key, "hex"),
  unused: 0n,
  email: p.email,
  always3: 3,
});

describe("login over TCP", () => {
  it("logs in with a fresh key, lists the characters and enters the world", async () => {
    const p = await t.player();
    const client = await t.connect();
    const list = await client.login(p);
    expect(list.characters.map((c) => [Number(c.id), c.name])).toEqual([[p.characterId, p.characterName]]);
    const world = await client.enterWorld(p.characterId);
    expect(world.worldId).toBe(426);
    expect(t.world.services.presence.get(p.characterId)?.name).toBe(p.characterName);
  });

  it("refuses a wrong key by disconnecting, and logs why", async () => {
    const p = await t.player();
    const client = await t.connect();
    await expect(client.login({ ...p, sessionKey: "00".repeat(16) })).rejects.toMatchObject({ code: "DISCONNECTED" });
    expect(t.logged("protocol violation").some((l) => String(l.reason).includes("AUTH_FAILED"))).toBe(true);
  });

  it("refuses an expired key", async () => {
    const p = await t.player();
    const old = await issueSessionKey(t.db, { email: p.email, now: new Date(Date.now() - 1801_000) });
    const client = await t.connect();
    await expect(client.login({ ...p, sessionKey: old.sessionKey })).rejects.toMatchObject({ code: "DISCONNECTED" });
  });

  it("refuses one account's key presented for another account", async () => {
    const [a, b] = [await t.player(), await t.player()];
    const client = await t.connect();
    await expect(client.login({ accountId: b.accountId, email: b.email, sessionKey: a.sessionKey })).rejects.toMatchObject({
      code: "DISCONNECTED",
    });
  });

  it("refuses to select another account's character, and the session goes on", async () => {
    const [a, b] = [await t.player(), await t.player()];
    const client = await t.connect();
    await client.login(a);
    client.send(ClientCharacterSelect, { characterId: BigInt(b.characterId) });
    expect(await client.waitFor("ServerCharacterSelectFail")).toEqual({ result: CHARACTER_SELECT_RESULT.Failed });
    await client.enterWorld(a.characterId);
  });

  it("closes an older session when the account logs in again", async () => {
    const p = await t.player();
    const first = await t.connect();
    await first.login(p);
    const second = await t.connect();
    await second.login(p);
    await expect(first.closed).resolves.toMatchObject({ code: "CONFLICT", message: "the server closed the connection (the account logged in elsewhere)" });
    expect(first.log.filter((r) => r.name === "ServerForceKick").map((r) => r.value)).toEqual([{ reason: FORCE_KICK_REASON.AccountDisconnect }]);
    expect(second.log.some((r) => r.name === "ServerForceKick")).toBe(false);
    await second.enterWorld(p.characterId);
  });
});

describe("framing over TCP", () => {
  async function loginBytes(existing?: TestPlayer) {
    const p = existing ?? (await t.player());
    const client = await t.connect();
    const bytes = Buffer.concat([
      client.encode(ClientHelloRealm, hello(p, p.sessionKey)),
      (client.rekey(p.sessionKey), client.encode(ClientCharacterList, {})),
    ]);
    return { p, client, bytes };
  }

  it("reassembles frames split at every byte boundary", async () => {
    const p = await t.player();
    const { bytes, client: first } = await loginBytes(p);
    await first.close();
    // One account, one connection per cut point, each closed before the next logs in.
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const { client, bytes: mine } = await loginBytes(p);
      client.sendRaw(mine.subarray(0, cut));
      await new Promise((r) => setTimeout(r, 1));
      client.sendRaw(mine.subarray(cut));
      const list = await client.waitFor("ServerCharacterList");
      expect(list.characters, `cut at byte ${cut}`).toHaveLength(1);
      await client.close();
    }
  });

  it("handles a login sent one byte per write", async () => {
    const { client, bytes } = await loginBytes();
    for (const byte of bytes) {
      client.sendRaw(Buffer.of(byte));
      await new Promise((r) => setImmediate(r));
    }
    expect((await client.waitFor("ServerCharacterList")).characters).toHaveLength(1);
  });

  it("handles many frames coalesced in one write, in order", async () => {
    const { p, client, bytes } = await loginBytes();
    const more = Buffer.concat([client.encode(ClientPing, {}), client.encode(ClientCharacterSelect, { characterId: BigInt(p.characterId) })]);
    client.sendRaw(Buffer.concat([bytes, more]));
    await client.waitFor("ServerCharacterList");
    expect((await client.waitFor("ServerChangeWorld")).worldId).toBe(426);
  });
});
