/** A small seeded PRNG (mulberry32) so property and fuzz tests are reproducible. */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform u32. */
  u32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let z = this.state;
    z = Math.imul(z ^ (z >>> 15), z | 1);
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61);
    return (z ^ (z >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  float(): number {
    return this.u32() / 4294967296;
  }

  /** Uniform integer in [0, n). */
  below(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Uniform integer in [min, max]. */
  between(min: number, max: number): number {
    return min + this.below(max - min + 1);
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** Unsigned integer of `bits` bits (1..53), biased towards edge values. */
  uint(bits: number): number {
    const max = 2 ** bits - 1;
    switch (this.below(6)) {
      case 0:
        return 0;
      case 1:
        return max;
      case 2:
        return this.below(Math.min(max, 16) + 1);
      default: {
        const hi = bits > 32 ? this.below(2 ** (bits - 32)) : 0;
        const lo = bits >= 32 ? this.u32() : this.u32() % (max + 1);
        return hi * 4294967296 + lo;
      }
    }
  }

  /** Unsigned bigint of `bits` bits (1..64). */
  bigUint(bits: number): bigint {
    const max = (1n << BigInt(bits)) - 1n;
    switch (this.below(5)) {
      case 0:
        return 0n;
      case 1:
        return max;
      default:
        return ((BigInt(this.u32()) << 32n) | BigInt(this.u32())) & max;
    }
  }

  /** Random bytes. */
  bytes(n: number): Buffer {
    const out = Buffer.allocUnsafe(n);
    for (let i = 0; i < n; i++) out[i] = this.u32() & 0xff;
    return out;
  }

  /** One of the items. */
  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}
