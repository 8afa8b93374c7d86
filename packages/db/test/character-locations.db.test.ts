import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCharacter, DB_ERROR_CODES, getCharacter, saveCharacterLocations, type Database } from "../src/index.js";
import { createTestDatabase, loadTestRules, makeAccount, makeCharacter, testActionOptions, uniqueCharacterName } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

const at = (characterId: number, x: number) => ({
  characterId,
  worldId: 870,
  zoneId: 4,
  position: { x, y: -990.5, z: -240.25 },
  rotation: { x: -2.2, y: 0, z: 0 },
});

describe("character locations", () => {
  it("creates a character where it starts, facing its start's way", async () => {
    const account = await makeAccount(db.client);
    const c = await createCharacter(db.client, {
      rules: await loadTestRules(),
      accountId: account.id,
      name: uniqueCharacterName(),
      race: 13,
      class: 7,
      sex: 0,
      faction: 166,
      worldId: 870,
      position: { x: -8261.3984, y: -995.471, z: -242.3648 },
      yaw: -2.215535,
    });
    expect(c).toMatchObject({ worldId: 870, positionX: -8261.3984, positionY: -995.471, positionZ: -242.3648, rotationX: -2.215535 });
  });

  it("saves several characters' world, zone, position and rotation in one go", async () => {
    const [a, b] = [await makeCharacter(db.client), await makeCharacter(db.client)];
    const { result } = await saveCharacterLocations(db.client, { ...(await testActionOptions()), locations: [at(a.id, 10), at(b.id, -20)] });
    expect(result.saved).toBe(2);
    expect(await getCharacter(db.client, { characterId: a.id })).toMatchObject({ worldId: 870, zoneId: 4, positionX: 10, positionY: -990.5, rotationX: -2.2 });
    expect((await getCharacter(db.client, { characterId: b.id })).positionX).toBe(-20);
  });

  it("refuses a position outside the world or not a number, and saves nothing of the batch", async () => {
    const c = await makeCharacter(db.client);
    const options = await testActionOptions();
    for (const bad of [at(c.id, 40000), at(c.id, Number.NaN), { ...at(c.id, 5), rotation: { x: Number.POSITIVE_INFINITY, y: 0, z: 0 } }]) {
      await expectDbError(saveCharacterLocations(db.client, { ...options, locations: [at(c.id, 1), bad] }), DB_ERROR_CODES.INVALID_INPUT);
    }
    expect((await getCharacter(db.client, { characterId: c.id })).positionX).toBe(0);
  });
});
