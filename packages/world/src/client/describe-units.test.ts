import { describe, expect, it } from "vitest";
import { describeUnits } from "./describe-units";
import type { SeenUnit } from "./headless-client";

const unit = (unitId: number, name: string, x: number, type = 20, creatureId?: number, createFlags = 0): SeenUnit => ({
  unitId,
  type,
  name,
  characterId: type === 20 ? 1n : undefined,
  creatureId,
  createFlags,
  position: { x, y: -2, z: 3.25 },
  yaw: 0,
  health: 100,
  dead: false,
  inCombat: false,
  targetId: 0,
});

describe("describeUnits", () => {
  it("lists every unit seen by id, marking the client's own", () => {
    const units = new Map([
      [7, unit(7, "Kirra", 10.04)],
      [2, unit(2, "Aurora", -1)],
      [9, unit(9, "", 0, 0, 12347)],
      [11, unit(11, "", 0, 0, 12352, 4)],
      [12, unit(12, "", 0, 12, 12353)],
    ]);
    expect(describeUnits(units, 2)).toEqual([
      "unit 2 player Aurora (you) at (-1.0, -2.0, 3.3)",
      "unit 7 player Kirra at (10.0, -2.0, 3.3)",
      "unit 9 creature 12347 at (0.0, -2.0, 3.3)",
      "unit 11 creature 12352 (vendor) at (0.0, -2.0, 3.3)",
      "unit 12 mailbox 12353 at (0.0, -2.0, 3.3)",
    ]);
    expect(describeUnits(new Map(), undefined)).toEqual([]);
  });
});
