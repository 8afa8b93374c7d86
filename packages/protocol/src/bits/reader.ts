import { ProtocolError } from "../errors";

const TWO_32 = 4294967296;
const scratch = new DataView(new ArrayBuffer(8));
/** Strings up to this many code units are built by concatenation; longer ones through {@link textScratch}. */
const SHORT_TEXT = 12;
/** Where longer unaligned strings are shifted into place before decoding (64 KiB: any wstring). */
const textScratch = Buffer.allocUnsafe(0x10000);

/**
 * Reads a WildStar packet body: a continuous bit stream, least significant bit first within each
 * byte and within each value. Nothing is ever realigned to a byte boundary implicitly (that was
 * Bezgelor's bug), so a u32 read after 3 bits takes bits 3..34.
 *
 * Every read throws {@link ProtocolError} `DECODE_PAST_END` (with the bit offset where the read
 * started) when the body is too short; wide strings longer than their limit throw `STRING_TOO_LONG`.
 * Bit widths are trusted: callers (the packet schema) validate them once at definition time.
 */
export class BitReader {
  private readonly bytes: Uint8Array;
  private pos = 0;
  private readonly end: number;

  /** @param bytes the body; it is read in place, not copied. */
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.end = bytes.length * 8;
  }

  /** Bits consumed so far. */
  get bitOffset(): number {
    return this.pos;
  }

  /** Total bits in the body. */
  get bitLength(): number {
    return this.end;
  }

  /** Bits not yet consumed. */
  get remainingBits(): number {
    return this.end - this.pos;
  }

  /** Whole bytes after the current (partially consumed) byte; what NexusForever calls bytes remaining. */
  get remainingWholeBytes(): number {
    return this.bytes.length - ((this.pos + 7) >>> 3);
  }

  /** One bit. */
  bool(): boolean {
    const pos = this.pos;
    if (pos >= this.end) throw pastEnd(pos, 1, 0);
    this.pos = pos + 1;
    return ((this.bytes[pos >>> 3]! >>> (pos & 7)) & 1) === 1;
  }

  /** Unsigned integer of `bits` bits (1..53), as an exact number. */
  uint(bits: number): number {
    if (bits > 32) {
      const lo = this.uint(32);
      return this.uint(bits - 32) * TWO_32 + lo;
    }
    const pos = this.pos;
    const next = pos + bits;
    if (next > this.end) throw pastEnd(pos, bits, this.end - pos);
    const bytes = this.bytes;
    let index = pos >>> 3;
    let have = 8 - (pos & 7);
    let value = bytes[index]! >>> (pos & 7);
    while (have < bits) {
      value |= bytes[++index]! << have;
      have += 8;
    }
    this.pos = next;
    return bits === 32 ? value >>> 0 : value & ((1 << bits) - 1);
  }

  /** Two's complement signed integer of `bits` bits (1..53). */
  int(bits: number): number {
    const value = this.uint(bits);
    if (bits === 32) return value | 0;
    if (bits < 32) {
      const shift = 32 - bits;
      return (value << shift) >> shift;
    }
    const half = 2 ** (bits - 1);
    return value >= half ? value - half * 2 : value;
  }

  /** Unsigned integer of `bits` bits (1..64) as a bigint. */
  bigUint(bits: number): bigint {
    if (bits <= 32) return BigInt(this.uint(bits));
    const lo = this.uint(32);
    const hi = this.uint(bits - 32);
    return hi === 0 ? BigInt(lo) : (BigInt(hi) << 32n) | BigInt(lo);
  }

  /** Two's complement signed integer of `bits` bits (1..64) as a bigint. */
  bigInt(bits: number): bigint {
    return BigInt.asIntN(bits, this.bigUint(bits));
  }

  /** IEEE 754 single (its 32 raw bits). */
  f32(): number {
    scratch.setUint32(0, this.uint(32), true);
    return scratch.getFloat32(0, true);
  }

  /** IEEE 754 double (its 64 raw bits). */
  f64(): number {
    const lo = this.uint(32);
    const hi = this.uint(32);
    scratch.setUint32(0, lo, true);
    scratch.setUint32(4, hi, true);
    return scratch.getFloat64(0, true);
  }

  /** `length` bytes, 8 bits each from the current bit position; returns a copy. */
  bytesOf(length: number): Buffer {
    const pos = this.pos;
    if (pos + length * 8 > this.end) throw pastEnd(pos, length * 8, this.end - pos);
    if ((pos & 7) === 0) {
      const start = pos >>> 3;
      this.pos = pos + length * 8;
      return Buffer.from(this.bytes.subarray(start, start + length));
    }
    const out = Buffer.allocUnsafe(length);
    for (let i = 0; i < length; i++) out[i] = this.uint(8);
    return out;
  }

  /**
   * Wide string as the client writes it: 1 bit `extended`, the UTF-16 code-unit count in 7 bits
   * (15 when extended), then UTF-16LE code units. Throws `STRING_TOO_LONG` when the count exceeds
   * `max`, before reading the characters.
   */
  wstring(max: number): string {
    const start = this.pos;
    const count = this.uint(this.bool() ? 15 : 7);
    if (count > max) {
      throw new ProtocolError("STRING_TOO_LONG", `wide string of ${count} code units exceeds ${max}`, { bitOffset: start });
    }
    const pos = this.pos;
    const bits = count * 16;
    if (pos + bits > this.end) throw pastEnd(pos, bits, this.end - pos);
    this.pos = pos + bits;
    const bytes = this.bytes;
    const off = pos & 7;
    let at = pos >>> 3;
    if (count <= SHORT_TEXT) {
      // Names and short lines: a few concatenations beat any buffer round trip.
      let text = "";
      if (off === 0) {
        for (let i = 0; i < count; i++, at += 2) text += String.fromCharCode(bytes[at]! | (bytes[at + 1]! << 8));
      } else {
        for (let i = 0; i < count; i++, at += 2) {
          text += String.fromCharCode(((bytes[at]! >>> off) | (bytes[at + 1]! << (8 - off)) | (bytes[at + 2]! << (16 - off))) & 0xffff);
        }
      }
      return text;
    }
    // Longer text: put the code units in place in a scratch Buffer (shifting them when the string
    // does not start on a byte) and let Node decode UTF-16LE natively, lone surrogates kept.
    const length = count * 2;
    if (off === 0 && bytes instanceof Buffer) return bytes.toString("utf16le", at, at + length);
    const text = textScratch;
    if (off === 0) {
      text.set(bytes.subarray(at, at + length));
    } else {
      // The string's last bits sit in byte `at + length`, inside the body (checked above).
      const back = 8 - off;
      for (let i = 0; i < length; i++, at++) text[i] = (bytes[at]! >>> off) | (bytes[at + 1]! << back);
    }
    return text.toString("utf16le", 0, length);
  }

  /** Skips to the next byte boundary (what the writer's `flushBits` padded). */
  alignToByte(): void {
    this.pos = Math.min(this.end, (this.pos + 7) & ~7);
  }
}

function pastEnd(bitOffset: number, wanted: number, left: number): ProtocolError {
  return new ProtocolError("DECODE_PAST_END", `read of ${wanted} bits with ${left} left`, { bitOffset });
}
