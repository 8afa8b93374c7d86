import {
  CHARACTER_CREATE_RESULT,
  CHARACTER_SELECT_RESULT,
  ClientCharacterCreate,
  ClientCharacterList,
  ClientCharacterSelect,
  ClientHelloRealm,
} from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RESULT_CODES } from "../src/server/result-codes";
import { startTestWorld, type TestWorld } from "./support/world";

// A database outage, simulated: while `t.outage.down`, every query the server makes fails with the
// genuine error of a PostgreSQL that cannot be reached.
let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

describe("a database outage is the server's, not the client's", () => {
  it("a login during an outage is answered UNAVAILABLE with the new key; the client retries once it is back", async () => {
    const p = await t.player();
    const client = await t.connect();
    t.outage.down = true;
    const key = Buffer.from(p.sessionKey, "hex");
    const hello = { accountId: p.accountId, sessionKey: key, unused: 0n, email: p.email, always3: 3 };
    client.send(ClientHelloRealm, hello);
    client.rekey(key); // as the real client does right after sending ClientHelloRealm
    const refused = await client.waitFor("ServerRequestResult");
    expect(refused).toMatchObject({ requestOpcode: expect.any(Number), code: RESULT_CODES.UNAVAILABLE });
    t.outage.down = false;
    client.send(ClientHelloRealm, hello);
    client.send(ClientCharacterList, {});
    await expect(client.waitFor("ServerCharacterList")).resolves.toMatchObject({ characters: [expect.objectContaining({ name: p.characterName })] });
    expect(t.logged("protocol violation")).toEqual([]);
  });

  it("requests during an outage get UNAVAILABLE (genuine refusals where they exist), one error line per outage, and the session goes on", async () => {
    const p = await t.player();
    const client = await t.connect();
    await client.login(p);
    const errorsBefore = t.logs.filter((l) => l.level >= 50).length;
    t.outage.down = true;
    for (let i = 0; i < 5; i += 1) {
      client.send(ClientCharacterList, {});
      await expect(client.waitFor("ServerRequestResult")).resolves.toMatchObject({ code: RESULT_CODES.UNAVAILABLE });
    }
    client.send(ClientCharacterCreate, { characterCreationId: 3, name: "Outagecreated", path: 0, customisations: [], bones: [] });
    await expect(client.waitFor("ServerCharacterCreate")).resolves.toMatchObject({ result: CHARACTER_CREATE_RESULT.CreateFailed });
    client.send(ClientCharacterSelect, { characterId: BigInt(p.characterId) });
    await expect(client.waitFor("ServerCharacterSelectFail")).resolves.toMatchObject({ result: CHARACTER_SELECT_RESULT.Failed });

    const errors = t.logs.filter((l) => l.level >= 50).slice(errorsBefore);
    expect(errors.map((l) => l.msg)).toEqual([expect.stringMatching(/^database unavailable/)]);
    expect(t.logged("handler failed")).toEqual([]);
    expect(client.pending("ServerRequestResult")).toEqual([]);

    t.outage.down = false;
    await expect(client.characterList()).resolves.toMatchObject({ characters: [expect.anything()] });
    expect(t.logged("database available again")).toContainEqual(expect.objectContaining({ refused: 7 }));
  });

  it("a database refusing connections (SQLSTATE 55000, ALLOW_CONNECTIONS false) is an outage too: UNAVAILABLE, never INTERNAL", async () => {
    const p = await t.player();
    const client = await t.connect();
    await client.login(p);
    t.outage.as = "not-accepting";
    t.outage.down = true;
    try {
      client.send(ClientCharacterList, {});
      await expect(client.waitFor("ServerRequestResult")).resolves.toMatchObject({
        code: RESULT_CODES.UNAVAILABLE,
        message: "service unavailable, try again later",
      });
      client.send(ClientCharacterCreate, { characterCreationId: 3, name: "Refusedcreated", path: 0, customisations: [], bones: [] });
      await expect(client.waitFor("ServerCharacterCreate")).resolves.toMatchObject({ result: CHARACTER_CREATE_RESULT.CreateFailed });
    } finally {
      t.outage.down = false;
      t.outage.as = "unreachable";
    }
    expect(t.logged("handler failed")).toEqual([]);
    await expect(client.characterList()).resolves.toMatchObject({ characters: [expect.anything()] });
  });
});
