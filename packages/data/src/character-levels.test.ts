import { describe, expect, it } from "vitest";
import { DATA_ERROR_CODE, MAX_CHARACTER_LEVEL, buildGameData, loadGameData } from "./index";

describe("character levels", () => {
  it("ships levels 1 to 50, level 1 at 0 XP, each taking more XP than the last", async () => {
    const levels = (await loadGameData()).characterLevels.all();
    expect(levels.map((l) => l.id)).toEqual(Array.from({ length: MAX_CHARACTER_LEVEL }, (_, i) => i + 1));
    expect(levels[0]).toEqual({ id: 1, minXp: 0 });
    expect(levels.slice(0, 3).map((l) => l.minXp)).toEqual([0, 100, 400]);
    expect(levels.at(-1)).toEqual({ id: 50, minXp: 2_082_500 });
  });

  it("refuses a gap, a level 1 above 0 XP, a level taking no more XP than the one before, and a level above 50", () => {
    const refused = (levels: unknown[]) => {
      try {
        buildGameData({ characterLevels: levels });
      } catch (error) {
        return (error as { code?: string; details?: { path?: string } }).code;
      }
      return "accepted";
    };
    expect(
      refused([
        { id: 1, minXp: 0 },
        { id: 2, minXp: 100 },
      ]),
    ).toBe("accepted");
    expect(
      refused([
        { id: 1, minXp: 0 },
        { id: 3, minXp: 100 },
      ]),
    ).toBe(DATA_ERROR_CODE.UNKNOWN_REFERENCE);
    expect(refused([{ id: 1, minXp: 5 }])).toBe(DATA_ERROR_CODE.UNKNOWN_REFERENCE);
    expect(
      refused([
        { id: 1, minXp: 0 },
        { id: 2, minXp: 0 },
      ]),
    ).toBe(DATA_ERROR_CODE.UNKNOWN_REFERENCE);
    expect(refused([{ id: 51, minXp: 0 }])).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
  });
});
