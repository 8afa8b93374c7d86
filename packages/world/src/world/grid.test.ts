import { describe, expect, it } from "vitest";
import { CELL_SIZE, Grid, VISION_RANGE } from "./grid";
import { UnitIds } from "./unit-ids";
import { visibilityChange } from "./visibility";

describe("the grid", () => {
  it("finds what is closer than the range, in any cell, and not what is at or beyond it", () => {
    const grid = new Grid();
    grid.place(1, { x: 0, y: 0, z: 0 });
    grid.place(2, { x: 127.9, y: 0, z: 0 });
    grid.place(3, { x: 128, y: 0, z: 0 });
    grid.place(4, { x: -90, y: 0, z: -90 }); // 127.3 m away, in a cell of negative coordinates
    grid.place(5, { x: -91, y: 0, z: -91 }); // 128.7 m away
    grid.place(6, { x: 0, y: 128, z: 0 }); // straight up: the distance is 3-D
    expect(grid.near({ x: 0, y: 0, z: 0 }, VISION_RANGE).sort()).toEqual([1, 2, 4]);
  });

  it("follows a unit that moves across cells, and forgets a removed one", () => {
    const grid = new Grid();
    grid.place(1, { x: 5, y: 0, z: 5 });
    grid.place(1, { x: 5 + 10 * CELL_SIZE, y: 0, z: 5 });
    expect(grid.near({ x: 0, y: 0, z: 0 }, 100)).toEqual([]);
    expect(grid.near({ x: 5 + 10 * CELL_SIZE, y: 0, z: 0 }, 10)).toEqual([1]);
    expect(grid.size).toBe(1);
    grid.remove(1);
    grid.remove(1);
    expect(grid.near({ x: 5 + 10 * CELL_SIZE, y: 0, z: 0 }, 10)).toEqual([]);
    expect(grid.size).toBe(0);
  });

  it("says whether a placement changed anything: the world step skips sight when nothing moved", () => {
    const grid = new Grid();
    expect(grid.place(1, { x: 5, y: 0, z: 5 })).toBe(true);
    expect(grid.place(1, { x: 5, y: 0, z: 5 })).toBe(false);
    expect(grid.place(1, { x: 6, y: 0, z: 5 })).toBe(true);
    expect(grid.place(1, { x: 6, y: 1, z: 5 })).toBe(true);
    expect(grid.near({ x: 6, y: 1, z: 5 }, 1)).toEqual([1]);
  });

  it("works at the edges of the world", () => {
    const grid = new Grid();
    grid.place(7, { x: 32768, y: 0, z: -32768 });
    expect(grid.near({ x: 32700, y: 0, z: -32700 }, VISION_RANGE)).toEqual([7]);
  });
});

describe("visibility", () => {
  it("creates what came into sight and destroys what left it", () => {
    expect(visibilityChange(new Set([1, 2, 3]), new Set([2, 3, 4, 5]))).toEqual({ entered: [4, 5], left: [1] });
    expect(visibilityChange(new Set(), new Set())).toEqual({ entered: [], left: [] });
  });
});

describe("unit ids", () => {
  it("counts from 1 and hands out ids given back first, oldest first, never one in use", () => {
    const ids = new UnitIds();
    expect([ids.take(), ids.take(), ids.take()]).toEqual([1, 2, 3]);
    ids.give(2);
    ids.give(1);
    ids.give(1);
    ids.give(99);
    expect([ids.take(), ids.take(), ids.take(), ids.take()]).toEqual([2, 1, 4, 5]);
  });
});
