// NexusForever's map grid (`Source/NexusForever.IO/Map/MapDefines.cs`, `Source/NexusForever.Game/Map/BaseMap.cs`
// Search, `Search/SearchCheckRange.cs`): a world is 128 × 128 grids of 512 m, each 16 × 16 cells of
// 32 m. A search walks the cells a square of the range covers, then keeps what lies closer than the
// range (3-D distance, strictly less). Pure: no I/O, no clock.

/** A point in a world, metres; y is up. */
export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Side of a cell, metres (MapDefines.GridCellSize). */
export const CELL_SIZE = 32;

/** How far a player sees on an open-world map, metres (BaseMap.DefaultVisionRange). */
export const VISION_RANGE = 128;

const cellKey = (cx: number, cz: number) => `${cx}:${cz}`;
const cellOf = (p: Vec3) => cellKey(Math.floor(p.x / CELL_SIZE), Math.floor(p.z / CELL_SIZE));

/** 3-D distance between two points. */
export function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
}

const samePoint = (a: Vec3, b: Vec3) => a === b || (a.x === b.x && a.y === b.y && a.z === b.z);

/** Where units are, by 32 m cell, for range searches. Ids are the units' ids. */
export class Grid {
  private readonly cells = new Map<string, Set<number>>();
  private readonly placed = new Map<number, { key: string; position: Vec3 }>();

  /**
   * Puts a unit at `position`, or moves it there (changing cell when it crossed one). Returns
   * whether anything changed: false when the unit was already placed at exactly this point.
   */
  place(id: number, position: Vec3): boolean {
    const before = this.placed.get(id);
    if (before !== undefined && samePoint(before.position, position)) return false;
    const key = cellOf(position);
    if (before && before.key !== key) this.cells.get(before.key)?.delete(id);
    if (before?.key !== key) {
      let cell = this.cells.get(key);
      if (!cell) this.cells.set(key, (cell = new Set()));
      cell.add(id);
    }
    this.placed.set(id, { key, position });
    return true;
  }

  /** Takes a unit out; harmless if it is not there. */
  remove(id: number): void {
    const before = this.placed.get(id);
    if (!before) return;
    this.placed.delete(id);
    const cell = this.cells.get(before.key);
    cell?.delete(id);
    if (cell?.size === 0) this.cells.delete(before.key);
  }

  /** Where the grid has a unit, as last placed. */
  positionOf(id: number): Vec3 | undefined {
    return this.placed.get(id)?.position;
  }

  get size(): number {
    return this.placed.size;
  }

  /** The units closer than `range` to `centre` (as placed), in no particular order. */
  near(centre: Vec3, range: number): number[] {
    const found: number[] = [];
    const [x0, x1] = [Math.floor((centre.x - range) / CELL_SIZE), Math.floor((centre.x + range) / CELL_SIZE)];
    const [z0, z1] = [Math.floor((centre.z - range) / CELL_SIZE), Math.floor((centre.z + range) / CELL_SIZE)];
    for (let cz = z0; cz <= z1; cz++) {
      for (let cx = x0; cx <= x1; cx++) {
        const cell = this.cells.get(cellKey(cx, cz));
        if (!cell) continue;
        for (const id of cell) if (distance(centre, this.placed.get(id)!.position) < range) found.push(id);
      }
    }
    return found;
  }
}
