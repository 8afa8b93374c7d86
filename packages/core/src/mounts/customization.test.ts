import { buildGameData } from "@bezgelor/data";
import { describe, expect, it } from "vitest";
import { PET_TYPE, addMountUpgrade, emptyMountCustomization, mountSpeed, setMountDye, setMountFlair, setMountTrick } from "../index";

const data = buildGameData({
  items: [{ id: 9, name: "Ability", kind: "ability" }],
  mounts: [
    {
      id: 1,
      name: "Woolie",
      type: "ground",
      spellId: 100,
      abilityItemId: 9,
      creatureId: 1,
      unitVehicleId: 1,
      speed: 1.5,
      flairSlots: ["front", "left"],
      dyeChannels: 2,
      upgrades: [{ id: "speed_1", speedBonus: 0.1 }, { id: "speed_2", speedBonus: 0.1 }, { id: "saddle" }],
      tricks: [],
      unlock: "drop",
    },
    {
      id: 2,
      name: "Board",
      type: "hoverboard",
      spellId: 101,
      abilityItemId: 9,
      creatureId: 2,
      unitVehicleId: 411,
      speed: 1.8,
      flairSlots: ["front", "back", "left", "right"],
      dyeChannels: 0,
      upgrades: [],
      tricks: ["kickflip", "grind"],
      unlock: "drop",
    },
  ],
  flair: [
    { id: 10, name: "Ground front", mountType: "ground", position: "front", itemDisplayId: 1, unlockBit: 1 },
    { id: 11, name: "Ground side", mountType: "ground", position: "side", itemDisplayId: 2, unlockBit: 2 },
    { id: 12, name: "Board front", mountType: "hoverboard", position: "front", itemDisplayId: 3, unlockBit: 3 },
  ],
});
const woolie = data.mounts.require(1);
const board = data.mounts.require(2);
const empty = emptyMountCustomization(woolie);
const flair = (slot: number, flairId: number, unlocked: number[] = [10, 11, 12], petType: number = PET_TYPE.GroundMount) =>
  setMountFlair(woolie, empty, { petType, slot, flairId, flairTable: data.flair, unlockedFlair: new Set(unlocked) });

describe("mount flair", () => {
  it("starts with four empty slots and an undyed channel per dye channel", () => {
    expect(empty).toEqual({ flair: [0, 0, 0, 0], dyes: [0, 0], upgrades: [], tricks: [] });
  });

  it("puts unlocked flair of the right kind and position in a slot the mount has, and 0 clears it", () => {
    const front = flair(0, 10);
    expect(front).toEqual({ ok: true, customization: { ...empty, flair: [10, 0, 0, 0] } });
    expect(flair(2, 11)).toEqual({ ok: true, customization: { ...empty, flair: [0, 0, 11, 0] } });
    if (!front.ok) throw new Error("unreachable");
    const cleared = setMountFlair(woolie, front.customization, { petType: 1, slot: 0, flairId: 0, flairTable: data.flair, unlockedFlair: new Set() });
    expect(cleared).toEqual({ ok: true, customization: empty });
  });

  it("answers each refusal with its genuine PetCustomizeResult", () => {
    expect(flair(1, 10)).toEqual({ ok: false, reason: "InvalidSlot" }); // back: Woolie has no back slot
    expect(flair(4, 10)).toEqual({ ok: false, reason: "InvalidSlot" });
    expect(flair(0, 99)).toEqual({ ok: false, reason: "InvalidFlair" });
    expect(flair(0, 11)).toEqual({ ok: false, reason: "UnknownFlairType" }); // a side piece in the front
    expect(flair(0, 12)).toEqual({ ok: false, reason: "UnknownFlairType" }); // hoverboard flair
    expect(flair(0, 10, [11])).toEqual({ ok: false, reason: "NotUnlocked" });
    expect(flair(0, 10, [10], PET_TYPE.HoverBoard)).toEqual({ ok: false, reason: "PetTypeNotSupported" });
    expect(flair(0, 10, [10], PET_TYPE.ScanBot)).toEqual({ ok: false, reason: "PetTypeNotSupported" });
  });
});

describe("mount dyes, upgrades and tricks", () => {
  it("dyes only the mount's channels with a 16-bit dye id", () => {
    expect(setMountDye(woolie, empty, 1, 55)).toEqual({ ok: true, customization: { ...empty, dyes: [0, 55] } });
    expect(setMountDye(woolie, empty, 2, 55)).toEqual({ ok: false, reason: "invalid-channel" });
    expect(setMountDye(woolie, empty, -1, 55)).toEqual({ ok: false, reason: "invalid-channel" });
    expect(setMountDye(woolie, empty, 0, 0x10000)).toEqual({ ok: false, reason: "invalid-dye" });
    expect(setMountDye(board, emptyMountCustomization(board), 0, 1)).toEqual({ ok: false, reason: "invalid-channel" });
  });

  it("buys upgrades in list order, each once, and speed upgrades raise the speed", () => {
    expect(addMountUpgrade(woolie, empty, "speed_2")).toEqual({ ok: false, reason: "upgrade-out-of-order" });
    expect(addMountUpgrade(woolie, empty, "wings")).toEqual({ ok: false, reason: "unknown-upgrade" });
    const one = addMountUpgrade(woolie, empty, "speed_1");
    if (!one.ok) throw new Error("refused");
    expect(addMountUpgrade(woolie, one.customization, "speed_1")).toEqual({ ok: false, reason: "upgrade-owned" });
    const two = addMountUpgrade(woolie, one.customization, "speed_2");
    expect(two).toEqual({ ok: true, customization: { ...empty, upgrades: ["speed_1", "speed_2"] } });
    expect(mountSpeed(woolie, [])).toBe(1.5);
    expect(mountSpeed(woolie, ["speed_1"])).toBe(1.6);
    expect(mountSpeed(woolie, ["speed_1", "speed_2", "saddle"])).toBe(1.7);
  });

  it("gives tricks to hoverboards only, in the board's order", () => {
    const start = emptyMountCustomization(board);
    const grind = setMountTrick(board, start, "grind", true);
    if (!grind.ok) throw new Error("refused");
    const both = setMountTrick(board, grind.customization, "kickflip", true);
    expect(both).toEqual({ ok: true, customization: { ...start, tricks: ["kickflip", "grind"] } });
    if (!both.ok) throw new Error("refused");
    expect(setMountTrick(board, both.customization, "kickflip", false)).toEqual({ ok: true, customization: { ...start, tricks: ["grind"] } });
    expect(setMountTrick(board, start, "loop", true)).toEqual({ ok: false, reason: "unknown-trick" });
    expect(setMountTrick(woolie, empty, "kickflip", true)).toEqual({ ok: false, reason: "not-hoverboard" });
  });
});
