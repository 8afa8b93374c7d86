import { describe, expect, it } from "vitest";
import { buildGameData, creatureHealth, DATA_ERROR_CODE, DataError, loadGameData } from "./index";
import { tinyInput } from "./test-support";

const spawn = { id: 1, creatureId: 40, worldId: 426, position: { x: 1, y: 2, z: 3 }, yaw: 0, respawnSeconds: 30 };

function failure(fn: () => unknown): DataError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error("expected a DataError");
}

describe("spawns", () => {
  it("builds a nonPlayer spawn by default, with its vendor", () => {
    const data = buildGameData({ ...tinyInput(), spawns: [{ ...spawn, vendorId: 50 }] });
    expect(data.spawns.require(1)).toMatchObject({ type: "nonPlayer", creatureId: 40, vendorId: 50, respawnSeconds: 30 });
  });

  it("refuses an unknown creature or vendor, naming the field", () => {
    const creature = failure(() => buildGameData({ ...tinyInput(), spawns: [{ ...spawn, creatureId: 41 }] }));
    expect(creature.code).toBe(DATA_ERROR_CODE.UNKNOWN_REFERENCE);
    expect(creature.message).toContain("unknown creature 41");
    const vendor = failure(() => buildGameData({ ...tinyInput(), spawns: [{ ...spawn, vendorId: 51 }] }));
    expect(vendor.message).toContain("unknown vendor 51");
  });

  it("refuses a mailbox that sells, a creature id over 18 bits and a respawn of 0 s", () => {
    for (const bad of [
      { ...spawn, type: "mailbox", vendorId: 50 },
      { ...spawn, creatureId: 2 ** 18 },
      { ...spawn, respawnSeconds: 0 },
    ]) {
      expect(failure(() => buildGameData({ ...tinyInput(), spawns: [bad] })).code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    }
  });

  it("gives a creature its data's health, else 100 per level", () => {
    const data = buildGameData({
      ...tinyInput(),
      creatures: [
        { id: 40, name: "Foe", level: 3, rewards: {} },
        { id: 41, name: "Big", level: 3, health: 7000, rewards: {} },
      ],
    });
    expect(creatureHealth(data.creatures.require(40))).toBe(300);
    expect(creatureHealth(data.creatures.require(41))).toBe(7000);
  });

  it("the shipped data places creatures, a vendor and a mailbox within sight (128 m) of every start location", async () => {
    const data = await loadGameData();
    for (const start of data.startLocations.all()) {
      const near = data.spawns
        .all()
        .filter((s) => s.worldId === start.worldId && Math.hypot(s.position.x - start.position.x, s.position.z - start.position.z) < 128);
      const where = `start location ${start.id}`;
      expect(
        near.some((s) => s.type === "nonPlayer" && s.vendorId === undefined),
        where,
      ).toBe(true);
      expect(
        near.some((s) => s.vendorId !== undefined),
        where,
      ).toBe(true);
      expect(
        near.some((s) => s.type === "mailbox"),
        where,
      ).toBe(true);
    }
  });
});

describe("spells", () => {
  const attack = { id: 1, spell4Id: 2, name: "Swing", kind: "basicAttack", range: 5, effectId: 3, damage: { base: 10, perLevel: 2 } };

  it("builds a basic attack, not a starter unless it says so", () => {
    const data = buildGameData({ ...tinyInput(), spells: [attack] });
    expect(data.spells.require(1)).toMatchObject({ kind: "basicAttack", starter: false, range: 5 });
  });

  it("refuses an unknown kind, a range beyond sight and ids too wide for the wire", () => {
    expect(failure(() => buildGameData({ ...tinyInput(), spells: [{ ...attack, kind: "fireball" }] })).code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    expect(failure(() => buildGameData({ ...tinyInput(), spells: [{ ...attack, range: 129 }] })).message).toContain("range");
    expect(failure(() => buildGameData({ ...tinyInput(), spells: [{ ...attack, spell4Id: 2 ** 18 }] })).message).toContain("18-bit");
    expect(failure(() => buildGameData({ ...tinyInput(), spells: [{ ...attack, effectId: 2 ** 19 }] })).message).toContain("19-bit");
  });

  it("ships a starter basic attack, and creatures' XP fits its u32", () => {
    return loadGameData().then((data) => {
      expect(data.spells.all().filter((s) => s.starter && s.kind === "basicAttack")).toHaveLength(1);
      expect(() => buildGameData({ ...tinyInput(), creatures: [{ id: 41, name: "x", level: 1, rewards: { xp: 2 ** 32 } }] })).toThrow("rewards.xp: Too big");
    });
  });
});
