import { MAX_CHARACTERS_PER_ACCOUNT } from "@bezgelor/core";
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
  it("creates from a creation choice at its race and faction's start location, and lists it there", async () => {
    // Choice 3: an Exile Aurin, who starts where NexusForever starts Exile Aurin on Nexus.
    const created = await create("Wirecreated");
    expect(created).toMatchObject({ worldId: 990, result: CHARACTER_CREATE_RESULT.CreateOk });
    const list = await client.characterList();
    expect(list.enabledCharacterCreationIds).toEqual(t.data.characterCreations.all().map((c) => c.id));
    expect(list.enabledCharacterCreationIds).toContain(3);
    const entry = list.characters.find((c) => c.id === created.characterId)!;
    expect(entry).toMatchObject({ name: "Wirecreated", race: 4, class: 3, worldId: 990 });
    expect(entry.location.position.x).toBeCloseTo(-771.823, 2);
    expect(entry.location.position.z).toBeCloseTo(-2269.56, 2);
    expect(entry.location.yaw).toBeCloseTo(-1.1214035, 5);
  });

  it("refuses a taken name (any case), an invalid name and an unknown choice, and the session goes on", async () => {
    expect((await create("WIRECREATED")).result).toBe(CHARACTER_CREATE_RESULT.CreateFailedUniqueName);
    expect((await create("No Spaces1")).result).toBe(CHARACTER_CREATE_RESULT.CreateFailed);
    expect((await create("Unknownchoice", 99_999)).result).toBe(CHARACTER_CREATE_RESULT.CreateFailed);
    const names = (await listCharacters(t.db, { accountId: p.accountId })).map((c) => c.name).sort();
    expect(names).toEqual([p.characterName, "Wirecreated"].sort());
    expect(t.logged("character create refused")).toHaveLength(3);
  });

  it("enforces the limit the character list advertises: the next create fails and nothing is created", async () => {
    const list = await client.characterList();
    expect(list.maxNumberCharacters).toBe(MAX_CHARACTERS_PER_ACCOUNT);
    const letters = "abcdefghijklmnopqrstuvwxyz";
    for (let i = list.characters.length; i < list.maxNumberCharacters; i += 1) {
      expect((await create(`Limit${letters[i]}${letters[list.characters.length]}`)).result).toBe(CHARACTER_CREATE_RESULT.CreateOk);
    }
    const refusedBefore = t.logged("character create refused").length;
    expect((await create("Onetoomany")).result).toBe(CHARACTER_CREATE_RESULT.CreateFailed);
    expect((await create("Twotoomany")).result).toBe(CHARACTER_CREATE_RESULT.CreateFailed);
    expect(await listCharacters(t.db, { accountId: p.accountId })).toHaveLength(MAX_CHARACTERS_PER_ACCOUNT);
    expect((await client.characterList()).characters).toHaveLength(list.maxNumberCharacters);
    const refusals = t.logged("character create refused").slice(refusedBefore);
    expect(refusals.map((l) => String(l.reason))).toEqual([expect.stringMatching(/^account full/), expect.stringMatching(/^account full/)]);
  });
});
