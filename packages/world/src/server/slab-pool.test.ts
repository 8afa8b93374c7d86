import { describe, expect, it } from "vitest";
import { giveBackSlab, MAX_POOLED_BYTES, MAX_SLAB, MIN_SLAB, pooledSlabBytes, takeSlab } from "./slab-pool";

describe("slab pool", () => {
  it("hands out slabs of a power-of-two size class, 8-byte aligned, and a slab given back to the next taker of its class", () => {
    const small = takeSlab(100);
    const bigger = takeSlab(MIN_SLAB + 1);
    expect([small.bytes.length, bigger.bytes.length]).toEqual([MIN_SLAB, 2 * MIN_SLAB]);
    expect(small.bytes.byteOffset % 8).toBe(0);
    expect(bigger.bytes.byteOffset % 8).toBe(0);
    const before = pooledSlabBytes();
    giveBackSlab(small);
    expect(pooledSlabBytes()).toBe(before + MIN_SLAB);
    // another class does not get it
    expect(takeSlab(3 * MIN_SLAB).bytes.length).toBe(4 * MIN_SLAB);
    expect(takeSlab(MIN_SLAB)).toBe(small);
    expect(pooledSlabBytes()).toBe(before);
  });

  it("gives a frame larger than the largest class a buffer of its own, never kept", () => {
    const huge = takeSlab(MAX_SLAB + 1);
    expect(huge.bytes.length).toBe(MAX_SLAB + 1);
    const before = pooledSlabBytes();
    giveBackSlab(huge);
    expect(pooledSlabBytes()).toBe(before);
  });

  it("keeps at most MAX_POOLED_BYTES of free slabs", () => {
    const slabs = Array.from({ length: MAX_POOLED_BYTES / MAX_SLAB + 2 }, () => takeSlab(MAX_SLAB));
    for (const slab of slabs) giveBackSlab(slab);
    expect(pooledSlabBytes()).toBeLessThanOrEqual(MAX_POOLED_BYTES);
    expect(pooledSlabBytes()).toBeGreaterThan(MAX_POOLED_BYTES - MAX_SLAB);
  });
});
