import { CipherTarget } from "@bezgelor/protocol";

/** Smallest slab: what a connection with a few packets in a turn gets. */
export const MIN_SLAB = 2048;
/** Largest slab sized from the last turn (a bigger frame still gets a slab of its size). */
export const MAX_SLAB = 256 * 1024;
/** The shared memory slabs are cut from (a slab larger than {@link MAX_SLAB} gets its own). */
const ARENA_SIZE = 2 * 1024 * 1024;
/** Most bytes of free slabs kept for reuse, over all sizes: an equal share per size class. */
export const MAX_POOLED_BYTES = 16 * 1024 * 1024;

let arena = Buffer.allocUnsafeSlow(0);
let arenaView = new DataView(arena.buffer);
let arenaUsed = 0;

/** Free slabs by size class: `free[k]` holds slabs of `MIN_SLAB << k` bytes. */
const free: CipherTarget[][] = [];
for (let size = MIN_SLAB; size <= MAX_SLAB; size *= 2) free.push([]);
/** Most bytes of free slabs of one class: a class cannot take the room of the others. */
export const MAX_POOLED_PER_CLASS = MAX_POOLED_BYTES / free.length;

/** The class of a slab of at least `size` bytes: `MIN_SLAB << k`, or -1 above {@link MAX_SLAB}. */
function classOf(size: number): number {
  let k = 0;
  for (let cap = MIN_SLAB; cap < size; cap *= 2) k++;
  return k < free.length ? k : -1;
}

/**
 * A slab of at least `size` bytes for a connection's outgoing frames: a free one of its size class
 * (a power of two from {@link MIN_SLAB} to {@link MAX_SLAB}) when one was given back, otherwise
 * cut from an arena the sessions share, as node cuts small buffers from its pool: a broadcast
 * seals into every receiver's slab in turn, and slabs of one memory share one view of it for the
 * encryption instead of one per receiver. An arena is dropped when full; it lives on until the
 * last of its slabs is gone. A slab above {@link MAX_SLAB} is a buffer of its own, never reused.
 *
 * Reuse matters: a connection gives its slab back in a turn it has nothing to send, and a slab
 * cut afresh is memory never touched, which costs the kernel a page fault (a zeroed page) for
 * every two slabs: in a closed loop of chat lines that was thousands of faults a second.
 */
export function takeSlab(size: number): CipherTarget {
  const k = classOf(size);
  if (k < 0) return new CipherTarget(Buffer.allocUnsafeSlow(size));
  const reused = free[k]!.pop();
  if (reused !== undefined) return reused;
  const capacity = MIN_SLAB << k;
  if (arenaUsed + capacity > arena.length) {
    arena = Buffer.allocUnsafeSlow(ARENA_SIZE);
    arenaView = new DataView(arena.buffer);
    arenaUsed = 0;
  }
  const slab = arena.subarray(arenaUsed, arenaUsed + capacity);
  // Classes are multiples of 8 bytes: every slab starts 8-byte aligned, like node's pool, for
  // the encryption's 32-bit reads.
  arenaUsed += capacity;
  return new CipherTarget(slab, arenaView);
}

/**
 * Gives back a slab from {@link takeSlab} that nothing refers to any more: none of its bytes is
 * waiting in a socket (the kernel took every write of it). Kept for the next {@link takeSlab} of
 * its size while its class holds less than {@link MAX_POOLED_PER_CLASS}; dropped otherwise.
 */
export function giveBackSlab(slab: CipherTarget): void {
  const size = slab.bytes.length;
  const k = classOf(size);
  if (k < 0 || MIN_SLAB << k !== size || (free[k]!.length + 1) * size > MAX_POOLED_PER_CLASS) return;
  free[k]!.push(slab);
}

/** Bytes of free slabs kept now (for tests). */
export function pooledSlabBytes(): number {
  return free.reduce((bytes, slabs, k) => bytes + slabs.length * (MIN_SLAB << k), 0);
}
