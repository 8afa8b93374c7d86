import { WorldError } from "../errors";

const MAX_UNIT_ID = 0xffff_ffff;

/**
 * A map's unit ids: a counter from 1, ids given back are handed out again first, oldest first
 * (NexusForever `Source/NexusForever.Game/Map/QueuedCounter.cs`). Ids are u32 on the wire.
 */
export class UnitIds {
  private next = 1;
  private readonly freed: number[] = [];
  private readonly inUse = new Set<number>();

  /**
   * A fresh id, unique among the ids in use.
   * @throws WorldError LIMIT_REACHED when all 2^32 - 1 ids are in use.
   */
  take(): number {
    const id = this.freed.shift() ?? (this.next <= MAX_UNIT_ID ? this.next++ : undefined);
    if (id === undefined) throw new WorldError("LIMIT_REACHED", "no unit id left on this map");
    this.inUse.add(id);
    return id;
  }

  /** Gives an id back; an id not in use is ignored (never handed out twice). */
  give(id: number): void {
    if (this.inUse.delete(id)) this.freed.push(id);
  }
}
