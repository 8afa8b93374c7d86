import { describe, expect, it } from "vitest";
import { describeUnits } from "./describe-units";
import type { SeenUnit } from "./headless-client";

const unit = (unitId: number, name: string, x: number, type = 20): SeenUnit => ({
  unitId,
  type,
  name,
  characterId: 1n,
  position: { x, y: -2, z: 3.25 },
  yaw: 0,
});

describe("describeUnits", () => {
  it("lists every unit seen by id, marking the client's own", () => {
    const units = new Map([
      [7, unit(7, "Kirra", 10.04)],
      [2, unit(2, "Aurora", -1)],
      [9, unit(9, "", 0, 0)],
    ]);
    expect(describeUnits(units, 2)).toEqual([
      "unit 2 player Aurora (you) at (-1.0, -2.0, 3.3)",
      "unit 7 player Kirra at (10.0, -2.0, 3.3)",
      "unit 9 creature at (0.0, -2.0, 3.3)",
    ]);
    expect(describeUnits(new Map(), undefined)).toEqual([]);
  });
});
