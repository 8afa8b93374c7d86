// The periodic save of where characters stand (world.saveIntervalSeconds, 1 s here, on the real
// timer): it writes only the characters whose place changed since their last save; leaving the
// world always saves. A character's row changed behind the server's back (as another process
// could) shows whether a save wrote it.
import { getCharacter } from "@bezgelor/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({}, { world: { saveIntervalSeconds: 1 } });
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Longer than two save intervals: at least one periodic save ran meanwhile. */
const TWO_SAVES_MS = 2_300;

const positionX = async (characterId: number) => (await getCharacter(t.db, { characterId })).positionX;
/** Writes x into the character's saved place, as another process could; only a save by the server puts its own back. */
const markRow = (characterId: number, x: number) => t.db.character.update({ where: { id: characterId }, data: { positionX: x } });

describe("saving where characters stand", () => {
  it("the periodic save skips a character that has not moved, saves one that did once, and leaving saves whatever the place", async () => {
    const { player, client } = await t.inWorld();
    await markRow(player.characterId, 999);
    await sleep(TWO_SAVES_MS);
    // Standing still since entering: nothing written.
    expect(await positionX(player.characterId)).toBe(999);

    t.advance(1_000);
    client.move({ x: 30, y: 0, z: 0 });
    await expect.poll(() => positionX(player.characterId), { timeout: 3_000 }).toBe(30);
    // Saved once; standing still again, it is not written again.
    await markRow(player.characterId, 999);
    await sleep(TWO_SAVES_MS);
    expect(await positionX(player.characterId)).toBe(999);

    // Leaving the world saves the place even though it has not moved since the last save.
    await client.close();
    await expect.poll(() => positionX(player.characterId), { timeout: 3_000 }).toBe(30);
  });

  it("a turn on the spot is a change of the saved place (its facing): it is saved", async () => {
    const { player, client } = await t.inWorld();
    await markRow(player.characterId, 999);
    t.advance(1_000);
    client.move({ x: 0, y: 0, z: 0 }, 1);
    await expect.poll(async () => (await getCharacter(t.db, { characterId: player.characterId })).rotationX, { timeout: 3_000 }).toBe(1);
    expect(await positionX(player.characterId)).toBe(0);
    await client.close();
  });
});
