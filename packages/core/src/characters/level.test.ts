import { buildGameData } from "@bezgelor/data";
import { describe, expect, it } from "vitest";
import { characterLevelForXp, levelAfterXp } from "./level";

// A tiny curve: level 2 at 100, level 3 at 400, level 4 (the cap here) at 1000.
const levels = buildGameData({
  characterLevels: [
    { id: 1, minXp: 0 },
    { id: 2, minXp: 100 },
    { id: 3, minXp: 400 },
    { id: 4, minXp: 1000 },
  ],
}).characterLevels.all();

describe("characterLevelForXp", () => {
  it("reaches a level at exactly its XP, not one below", () => {
    expect(characterLevelForXp(levels, 0)).toBe(1);
    expect(characterLevelForXp(levels, 99)).toBe(1);
    expect(characterLevelForXp(levels, 100)).toBe(2);
    expect(characterLevelForXp(levels, 399)).toBe(2);
    expect(characterLevelForXp(levels, 400)).toBe(3);
  });

  it("stops at the table's last level however much XP there is", () => {
    expect(characterLevelForXp(levels, 999)).toBe(3);
    expect(characterLevelForXp(levels, 1000)).toBe(4);
    expect(characterLevelForXp(levels, 2 ** 31 - 1)).toBe(4);
  });

  it("is level 1 with an empty table", () => {
    expect(characterLevelForXp([], 5000)).toBe(1);
  });
});

describe("levelAfterXp", () => {
  it("raises the level, several levels at once if the XP covers them", () => {
    expect(levelAfterXp(levels, 1, 99)).toBe(1);
    expect(levelAfterXp(levels, 1, 100)).toBe(2);
    expect(levelAfterXp(levels, 1, 450)).toBe(3);
  });

  it("never lowers a level set above what the XP reaches", () => {
    expect(levelAfterXp(levels, 10, 120)).toBe(10);
    expect(levelAfterXp(levels, 3, 0)).toBe(3);
  });
});
