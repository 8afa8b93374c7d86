import { describe, expect, it } from "vitest";
import { giveBackSlab, MAX_POOLED_BYTES, MAX_POOLED_PER_CLASS, MAX_SLAB, MIN_SLAB, pooledSlabBytes, takeSlab } from "./slab-pool";

describe("slab pool", () => {
  it("hands out slabs of a power-of-two size class, 8-byte aligned, and a slab given back to the next taker of its class", () => {
    const small = takeSlab(100);
    const bigger = takeSlab(MIN_SLAB + 1);
    expect([small.bytes.length, bigger.bytes.length]).toEqual([MIN_SLAB, 2 * MIN_SLAB]);
    expect(small.bytes.byteOffset % 8).toBe(0);
    expect(bigger.bytes.byteOffset % 8).toBe(0);
    // (the pool is the process's: other test files in this worker may have left slabs in it)
    const before = pooledSlabBytes();
    giveBackSlab(small);
    expect(pooledSlabBytes()).toBe(before + MIN_SLAB);
    // another class does not get it
    const other = takeSlab(3 * MIN_SLAB);
    expect(other.bytes.length).toBe(4 * MIN_SLAB);
    expect(other).not.toBe(small);
    const pooled = pooledSlabBytes();
    expect(takeSlab(MIN_SLAB)).toBe(small);
    expect(pooledSlabBytes()).toBe(pooled - MIN_SLAB);
  });

  it("gives a frame larger than the largest class a buffer of its own, never kept", () => {
    const huge = takeSlab(MAX_SLAB + 1);
    expect(huge.bytes.length).toBe(MAX_SLAB + 1);
    const before = pooledSlabBytes();
    giveBackSlab(huge);
    expect(pooledSlabBytes()).toBe(before);
  });

  it("keeps at most MAX_POOLED_PER_CLASS of free slabs of one class, and the other classes their share", () => {
    const count = MAX_POOLED_PER_CLASS / MAX_SLAB + 2;
    const slabs = Array.from({ length: count }, () => takeSlab(MAX_SLAB));
    const before = pooledSlabBytes();
    for (const slab of slabs) giveBackSlab(slab);
    const kept = pooledSlabBytes() - before;
    expect(kept).toBeLessThanOrEqual(MAX_POOLED_PER_CLASS);
    expect(kept).toBeGreaterThan(MAX_POOLED_PER_CLASS - 2 * MAX_SLAB);
    expect(MAX_POOLED_PER_CLASS * 8).toBe(MAX_POOLED_BYTES);
    // a full class leaves room for the smallest one
    const small = takeSlab(MIN_SLAB);
    const pooled = pooledSlabBytes();
    giveBackSlab(small);
    expect(pooledSlabBytes()).toBe(pooled + MIN_SLAB);
    // leave the pool as found for the other files of this worker
    expect(takeSlab(MIN_SLAB)).toBe(small);
    for (let i = 0; i < count; i++) takeSlab(MAX_SLAB);
  });
});
