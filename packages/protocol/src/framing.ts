import { ProtocolError } from "./errors";

/** Bytes before a frame's payload: u32 size + u16 opcode. */
export const FRAME_HEADER_SIZE = 6;

/** Default upper bound on a frame's declared size (64 KiB); NexusForever itself caps server frames at 16 bits. */
export const DEFAULT_MAX_FRAME_SIZE = 0x10000;

/** One frame: its opcode and payload (the bytes after the 6-byte header). */
export interface Frame {
  readonly opcode: number;
  readonly payload: Buffer;
}

/**
 * Cuts a TCP byte stream into frames: `size: u32 LE` (the whole frame, its own 4 bytes included),
 * `opcode: u16 LE`, then `size - 6` payload bytes. Chunks may split frames anywhere or hold many.
 *
 * A declared size below 6 or above `maxFrameSize` is refused as soon as its 4 bytes arrive: the
 * stream cannot be resynchronised after that, so the assembler stays failed and every later `push`
 * throws the same error. The caller should close the connection.
 */
export class FrameAssembler {
  readonly maxFrameSize: number;
  private buf: Buffer = Buffer.alloc(0);
  private start = 0;
  private end = 0;
  private failure: ProtocolError | undefined;

  /** @throws ProtocolError `INVALID_ARGUMENT` when `maxFrameSize` is not in 6..2^32-1. */
  constructor(options: { maxFrameSize?: number } = {}) {
    const max = options.maxFrameSize ?? DEFAULT_MAX_FRAME_SIZE;
    if (!Number.isInteger(max) || max < FRAME_HEADER_SIZE || max > 0xffffffff) {
      throw new ProtocolError("INVALID_ARGUMENT", `maxFrameSize must be 6..4294967295, got ${max}`);
    }
    this.maxFrameSize = max;
  }

  /** Bytes received but not yet part of a complete frame. */
  get bufferedBytes(): number {
    return this.end - this.start;
  }

  /**
   * Adds bytes and returns every frame they complete, in order. Payloads are copies.
   * @throws ProtocolError `FRAME_TOO_SMALL` or `FRAME_TOO_LARGE` (the assembler then stays failed).
   */
  push(chunk: Uint8Array): Frame[] {
    if (this.failure !== undefined) throw this.failure;
    const frames: Frame[] = [];
    if (this.start === this.end) {
      // Nothing waiting (the usual case): frames are cut straight from the chunk; only a partial
      // frame at its end is kept for the next push.
      const at = this.cut(chunk, 0, chunk.length, frames);
      if (at < chunk.length) this.append(chunk.subarray(at));
      return frames;
    }
    this.append(chunk);
    this.start = this.cut(this.buf, this.start, this.end, frames);
    if (this.start === this.end) this.start = this.end = 0;
    return frames;
  }

  /** Appends the whole frames in `source[at, end)` to `frames` (payloads copied); returns where the rest starts. */
  private cut(source: Uint8Array, at: number, end: number, frames: Frame[]): number {
    while (end - at >= 4) {
      const size = (source[at]! | (source[at + 1]! << 8) | (source[at + 2]! << 16) | (source[at + 3]! << 24)) >>> 0;
      if (size < FRAME_HEADER_SIZE || size > this.maxFrameSize) {
        this.failure = new ProtocolError(
          size < FRAME_HEADER_SIZE ? "FRAME_TOO_SMALL" : "FRAME_TOO_LARGE",
          `frame declares ${size} bytes; allowed ${FRAME_HEADER_SIZE}..${this.maxFrameSize}`,
          { bitOffset: 0 },
        );
        throw this.failure;
      }
      if (end - at < size) break;
      frames.push({ opcode: source[at + 4]! | (source[at + 5]! << 8), payload: copyOf(source, at + FRAME_HEADER_SIZE, at + size) });
      at += size;
    }
    return at;
  }

  private append(chunk: Uint8Array): void {
    const length = chunk.length;
    if (this.end + length > this.buf.length) {
      const live = this.end - this.start;
      const needed = live + length;
      const target = needed > this.buf.length ? Buffer.allocUnsafe(Math.max(needed, this.buf.length * 2, 256)) : this.buf;
      this.buf.copy(target, 0, this.start, this.end);
      this.buf = target;
      this.start = 0;
      this.end = live;
    }
    this.buf.set(chunk, this.end);
    this.end += length;
  }
}

/** Memory payloads are copied into, shared by every assembler (see {@link copyOf}). */
const PAYLOAD_ARENA = 32 * 1024;
/** A payload larger than this gets a buffer of its own rather than a stretch of the arena. */
const OWN_BUFFER = PAYLOAD_ARENA / 8;
let payloads = Buffer.allocUnsafeSlow(0);
let payloadsUsed = 0;

/**
 * A new Buffer holding `source[start, end)`, cut from an arena all assemblers share: one copy and
 * one Buffer object per frame, as with Node's pool, but a new ArrayBuffer (which costs more than
 * decrypting and decoding a chat line) only every 32 KiB of payloads instead of every 8 KiB. An
 * arena is dropped when full and lives on while any payload cut from it does. Payloads start
 * 8-byte aligned and never overlap.
 */
function copyOf(source: Uint8Array, start: number, end: number): Buffer {
  const length = end - start;
  if (length > OWN_BUFFER) return Buffer.from(source.subarray(start, end));
  if (payloadsUsed + length > payloads.length) {
    payloads = Buffer.allocUnsafeSlow(PAYLOAD_ARENA);
    payloadsUsed = 0;
  }
  const at = payloadsUsed;
  payloadsUsed = (at + length + 7) & ~7;
  payloads.set(new Uint8Array(source.buffer, source.byteOffset + start, length), at);
  return payloads.subarray(at, at + length);
}

/**
 * Builds one frame around a payload.
 * @throws ProtocolError `VALUE_OUT_OF_RANGE` for an opcode outside 0..0xFFFF, `FRAME_TOO_LARGE`
 * when the frame would not fit the u32 size.
 */
export function encodeFrame(opcode: number, payload: Uint8Array): Buffer {
  if (!Number.isInteger(opcode) || opcode < 0 || opcode > 0xffff) {
    throw new ProtocolError("VALUE_OUT_OF_RANGE", `opcode ${opcode} does not fit 16 bits`);
  }
  const size = FRAME_HEADER_SIZE + payload.length;
  if (size > 0xffffffff) throw new ProtocolError("FRAME_TOO_LARGE", `frame of ${size} bytes does not fit a u32 size`, { opcode });
  const frame = Buffer.allocUnsafe(size);
  frame.writeUInt32LE(size, 0);
  frame.writeUInt16LE(opcode, 4);
  frame.set(payload, FRAME_HEADER_SIZE);
  return frame;
}
