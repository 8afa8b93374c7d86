import { ProtocolError } from "../errors";

const TWO_32 = 4294967296;
const MAX_U32 = 0xffffffffn;
const MAX_U64 = 0xffffffffffffffffn;
/** Largest unsigned value of each width 0..32. */
const UINT_MAX = Array.from({ length: 33 }, (_, bits) => 2 ** bits - 1);
const SCRATCH_BYTES = 16 * 1024;
const SCRATCH_LIMIT = 256 * 1024;
/** The pooled writer while nobody has it checked out. */
let spare: BitWriter | undefined;
const scratch = new DataView(new ArrayBuffer(8));
/** Copies of up to this many bytes are made byte by byte (see {@link BitWriter.copyTo}). */
const SMALL_COPY = 48;

/**
 * Writes a WildStar packet body: a continuous bit stream, least significant bit first, the exact
 * mirror of {@link BitReader}. Values that do not fit their width throw {@link ProtocolError}
 * `VALUE_OUT_OF_RANGE` (or `STRING_TOO_LONG`) with the bit offset, instead of being truncated
 * silently the way a C# cast would.
 */
export class BitWriter {
  private buf: Uint8Array;
  private pos = 0;
  /** Handed out by {@link BitWriter.pooled} and not yet given back by {@link release}. */
  private checkedOut = false;

  /**
   * @param initialBytes starting capacity; the buffer grows as needed.
   * @param startBit bits to leave zeroed at the start (room for headers filled in later).
   */
  constructor(initialBytes = 64, startBit = 0) {
    this.buf = new Uint8Array(Math.max(initialBytes, (startBit + 7) >>> 3, 8));
    this.pos = startBit;
  }

  /**
   * The shared scratch writer (allocating a writer and its Uint8Array costs more than encoding a
   * small packet). It must end with {@link finishCopy} or {@link release}, in a `finally`, and not
   * be used after that; a nested call while it is out gets a writer of its own.
   * @internal
   */
  static pooled(startBit = 0): BitWriter {
    let writer = spare;
    if (writer === undefined) writer = new BitWriter(SCRATCH_BYTES);
    else spare = undefined;
    writer.checkedOut = true;
    writer.pos = 0;
    writer.reserve(startBit);
    writer.buf.fill(0, 0, (startBit + 7) >>> 3);
    writer.pos = startBit;
    return writer;
  }

  /** Bits written so far (including any reserved start). */
  get bitOffset(): number {
    return this.pos;
  }

  /** Bytes the output occupies (a partial last byte counts). */
  get byteLength(): number {
    return (this.pos + 7) >>> 3;
  }

  /** One bit. */
  bool(value: boolean): void {
    if (typeof value !== "boolean") throw outOfRange(this.pos, `expected a boolean, got ${typeof value}`);
    this.reserve(1);
    const off = this.pos & 7;
    const bit = value ? 1 << off : 0;
    if (off === 0) this.buf[this.pos >>> 3] = bit;
    else this.buf[this.pos >>> 3]! |= bit;
    this.pos += 1;
  }

  /** Unsigned integer in `bits` bits (1..53); `value` must be an integer in [0, 2^bits). */
  uint(value: number, bits: number): void {
    if (bits <= 32) {
      // `>>> 0` round-trips exactly the integers in [0, 2^32): one test for type, sign and fraction.
      if (value >>> 0 !== value || value > UINT_MAX[bits]!) {
        throw outOfRange(this.pos, `${String(value)} does not fit ${bits} unsigned bits`);
      }
      this.raw(value, bits);
      return;
    }
    if (!Number.isInteger(value) || value < 0 || value >= 2 ** bits) {
      throw outOfRange(this.pos, `${String(value)} does not fit ${bits} unsigned bits`);
    }
    this.raw(value % TWO_32, 32);
    this.raw(Math.floor(value / TWO_32), bits - 32);
  }

  /** Two's complement signed integer in `bits` bits (1..53). */
  int(value: number, bits: number): void {
    if (bits <= 32) {
      // `| 0` round-trips exactly the integers in [-2^31, 2^31): one test for type and fraction.
      const half = bits === 32 ? 0x80000000 : 1 << (bits - 1);
      if ((value | 0) !== value || value < -half || value >= half) {
        throw outOfRange(this.pos, `${String(value)} does not fit ${bits} signed bits`);
      }
      // Two's complement of the width: the low `bits` bits of the 32-bit value.
      this.raw(bits === 32 ? value >>> 0 : value & UINT_MAX[bits]!, bits);
      return;
    }
    const half = 2 ** (bits - 1);
    if (!Number.isInteger(value) || value < -half || value >= half) {
      throw outOfRange(this.pos, `${String(value)} does not fit ${bits} signed bits`);
    }
    this.uint(value < 0 ? value + half * 2 : value, bits);
  }

  /** Unsigned bigint in `bits` bits (1..64). */
  bigUint(value: bigint, bits: number): void {
    if (typeof value !== "bigint" || value < 0n || value > (bits === 64 ? MAX_U64 : (1n << BigInt(bits)) - 1n)) {
      throw outOfRange(this.pos, `${String(value)} does not fit ${bits} unsigned bits`);
    }
    if (bits <= 32) {
      this.raw(Number(value), bits);
    } else if (value <= MAX_U32) {
      // Most ids and amounts are small: skip the bigint splitting.
      this.raw(Number(value), 32);
      this.raw(0, bits - 32);
    } else {
      this.raw(Number(value & MAX_U32), 32);
      this.raw(Number(value >> 32n), bits - 32);
    }
  }

  /** Two's complement signed bigint in `bits` bits (1..64). */
  bigInt(value: bigint, bits: number): void {
    const half = 1n << BigInt(bits - 1);
    if (typeof value !== "bigint" || value < -half || value >= half) {
      throw outOfRange(this.pos, `${String(value)} does not fit ${bits} signed bits`);
    }
    this.bigUint(BigInt.asUintN(bits, value), bits);
  }

  /** IEEE 754 single: the value is rounded to the nearest float32. */
  f32(value: number): void {
    if (typeof value !== "number") throw outOfRange(this.pos, `expected a number, got ${typeof value}`);
    scratch.setFloat32(0, value, true);
    this.raw(scratch.getUint32(0, true), 32);
  }

  /** IEEE 754 double. */
  f64(value: number): void {
    if (typeof value !== "number") throw outOfRange(this.pos, `expected a number, got ${typeof value}`);
    scratch.setFloat64(0, value, true);
    this.raw(scratch.getUint32(0, true), 32);
    this.raw(scratch.getUint32(4, true), 32);
  }

  /** Raw bytes, 8 bits each from the current bit position; `length` (if given) must match. */
  bytes(data: Uint8Array, length?: number): void {
    if (!(data instanceof Uint8Array) || (length !== undefined && data.length !== length)) {
      throw outOfRange(this.pos, `expected ${length ?? "some"} bytes, got ${data instanceof Uint8Array ? data.length : typeof data}`);
    }
    const n = data.length;
    this.reserve(n * 8);
    if ((this.pos & 7) === 0) {
      this.buf.set(data, this.pos >>> 3);
      this.pos += n * 8;
      return;
    }
    for (let i = 0; i < n; i++) this.raw(data[i]!, 8);
  }

  /**
   * Wide string: 1 bit `extended` (set when the count exceeds 0x7F), the UTF-16 code-unit count in
   * 7 or 15 bits, then UTF-16LE. Throws `STRING_TOO_LONG` past `max` (at most 0x7FFF).
   */
  wstring(value: string, max: number): void {
    if (typeof value !== "string") throw outOfRange(this.pos, `expected a string, got ${typeof value}`);
    const count = value.length;
    if (count > max || count > 0x7fff) {
      throw new ProtocolError("STRING_TOO_LONG", `wide string of ${count} code units exceeds ${Math.min(max, 0x7fff)}`, {
        bitOffset: this.pos,
      });
    }
    const extended = count > 0x7f;
    this.bool(extended);
    this.raw(count, extended ? 15 : 7);
    this.reserve(count * 16);
    if ((this.pos & 7) === 0) {
      const buf = this.buf;
      let at = this.pos >>> 3;
      for (let i = 0; i < count; i++) {
        const unit = value.charCodeAt(i);
        buf[at++] = unit & 0xff;
        buf[at++] = unit >>> 8;
      }
      this.pos += count * 16;
      return;
    }
    // Unaligned: every code unit covers two whole bytes plus `off` bits carried into the next.
    const buf = this.buf;
    const off = this.pos & 7;
    let at = this.pos >>> 3;
    let carry = buf[at]! & ((1 << off) - 1);
    for (let i = 0; i < count; i++) {
      const bits = carry | (value.charCodeAt(i) << off);
      buf[at++] = bits & 0xff;
      buf[at++] = (bits >>> 8) & 0xff;
      carry = bits >>> 16;
    }
    buf[at] = carry;
    this.pos += count * 16;
  }

  /** Pads the current byte with zero bits, like NexusForever's `FlushBits`. */
  flushBits(): void {
    this.pos = (this.pos + 7) & ~7;
  }

  /**
   * Flushes and returns the bytes written. The result is a view of the writer's own memory: do not
   * write to the writer afterwards.
   */
  finish(): Buffer {
    this.flushBits();
    return Buffer.from(this.buf.buffer, this.buf.byteOffset, this.pos >>> 3);
  }

  /**
   * Copies the bytes written so far (whole bytes: call {@link flushBits} first) to `target` at
   * `offset`, without a view of them of its own: a small frame, a chat result, is copied byte by
   * byte, which costs less than making the view `set` needs.
   * @throws ProtocolError `INVALID_ARGUMENT` when they do not fit `target` at `offset`.
   */
  copyTo(target: Uint8Array, offset: number): void {
    const length = this.pos >>> 3;
    if (!(offset >= 0 && offset + length <= target.length)) {
      throw new ProtocolError("INVALID_ARGUMENT", `${length} bytes do not fit ${target.length} bytes at ${offset}`);
    }
    const buf = this.buf;
    if (length > SMALL_COPY) {
      target.set(buf.subarray(0, length), offset);
      return;
    }
    for (let i = 0; i < length; i++) target[offset + i] = buf[i]!;
  }

  /**
   * The bytes written (after {@link flushBits}) as little-endian 32-bit words into `words`: byte
   * `i` is bits `8 * (i % 4)` up of word `i >> 2`, on any platform; words past the bytes are zeroed.
   * @throws ProtocolError `INVALID_ARGUMENT` when `words` holds fewer bytes than were written.
   */
  copyWordsTo(words: Int32Array): void {
    const length = this.pos >>> 3;
    if (words.length * 4 < length) {
      throw new ProtocolError("INVALID_ARGUMENT", `${length} bytes do not fit ${words.length} words`);
    }
    const buf = this.buf;
    const whole = length >>> 2;
    let w = 0;
    for (let at = 0; w < whole; w++, at += 4) words[w] = buf[at]! | (buf[at + 1]! << 8) | (buf[at + 2]! << 16) | (buf[at + 3]! << 24);
    if (w < words.length) {
      let last = 0;
      for (let at = w * 4, shift = 0; at < length; at++, shift += 8) last |= buf[at]! << shift;
      words[w++] = last;
    }
    for (; w < words.length; w++) words[w] = 0;
  }

  /** Flushes and returns a copy of the bytes written; gives a pooled buffer back. */
  finishCopy(): Buffer {
    this.flushBits();
    const out = Buffer.allocUnsafe(this.pos >>> 3);
    out.set(this.buf.subarray(0, this.pos >>> 3));
    this.release();
    return out;
  }

  /** Gives a pooled writer back without producing output (after an error); harmless twice. */
  release(): void {
    if (!this.checkedOut) return;
    this.checkedOut = false;
    if (this.buf.length > SCRATCH_LIMIT) this.buf = new Uint8Array(SCRATCH_BYTES);
    this.pos = 0;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the pooled writer puts itself back in the pool
    spare = this;
  }

  /** Writes `bits` (1..32) low bits of an already validated unsigned value. */
  private raw(value: number, bits: number): void {
    this.reserve(bits);
    const buf = this.buf;
    const pos = this.pos;
    let index = pos >>> 3;
    const off = pos & 7;
    // A byte is assigned when first touched and OR-ed after, so reused memory needs no zeroing.
    if (off === 0) buf[index] = value & 0xff;
    else buf[index]! |= (value << off) & 0xff;
    let done = 8 - off;
    let rest = value >>> done;
    while (done < bits) {
      buf[++index] = rest & 0xff;
      rest >>>= 8;
      done += 8;
    }
    this.pos = pos + bits;
  }

  private reserve(bits: number): void {
    const need = (this.pos + bits + 7) >>> 3;
    if (need <= this.buf.length) return;
    const grown = new Uint8Array(Math.max(need, this.buf.length * 2));
    grown.set(this.buf);
    this.buf = grown;
  }
}

function outOfRange(bitOffset: number, reason: string): ProtocolError {
  return new ProtocolError("VALUE_OUT_OF_RANGE", reason, { bitOffset });
}
