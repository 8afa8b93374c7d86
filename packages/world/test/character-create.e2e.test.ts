import { listCharacters } from "@bezgelor/db";
import { CHARACTER_CREATE_RESULT, ClientCharacterCreate } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { startTestWorld, type TestPlayer, type TestWorld } from "./support/world";

let t: TestWorld;
let p: TestPlayer;
let client: HeadlessClient;
beforeAll(async () => {
  t = await startTestWorld();
  p = await t.player();
  client = await t.connect();
  await client.login(p);
});
afterAll(() => t.close());

async function create(name: string, characterCreationId = 3) {
  client.send(ClientCharacterCreate, { characterCreationId, name, path: 0, customisations: [], bones: [] });
  return client.waitFor("ServerCharacterCreate");
}

describe("character creation over the wire", () => {
  it("creates from a creation choice, in that choice's start world, and lists it", async () => {
    const created = await create("Wirecreated");
    expect(created).toMatchObject({ worldId: 426, result: CHARACTER_CREATE_RESULT.CreateOk });
    const list = await client.characterList();
    expect(list.characters.find((c) => c.id === created.characterId)).toMatchObject({ name: "Wirecreated", race: 4, class: 3 });
  });

  it("refuses a taken name (any case), an invalid name and an unknown choice, and the session goes on", async () => {
    expect((await create("WIRECREATED")).result).toBe(CHARACTER_CREATE_RESULT.CreateFailedUniqueName);
    expect((await create("No Spaces1")).result).toBe(CHARACTER_CREATE_RESULT.CreateFailed);
    expect((await create("Unknownchoice", 99_999)).result).toBe(CHARACTER_CREATE_RESULT.CreateFailed);
    const names = (await listCharacters(t.db, { accountId: p.accountId })).map((c) => c.name).sort();
    expect(names).toEqual([p.characterName, "Wirecreated"].sort());
    expect(t.logged("character create refused")).toHaveLength(3);
  });
});
