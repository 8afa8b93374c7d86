import type { BitReader } from "../bits/reader";
import { ProtocolError } from "../errors";

/** `ARRAY_TOO_LONG` at `bitOffset`. */
export function tooLong(bitOffset: number, count: number, max: number): ProtocolError {
  return new ProtocolError("ARRAY_TOO_LONG", `array of ${count} items exceeds ${max}`, { bitOffset });
}

/** `VALUE_OUT_OF_RANGE` for a value of the wrong type (encoding). */
export function notAn(what: string, bitOffset: number, value: unknown): ProtocolError {
  return new ProtocolError("VALUE_OUT_OF_RANGE", `expected ${what}, got ${value === null ? "null" : typeof value}`, { bitOffset });
}

/** `UNKNOWN_VARIANT` for a union tag with no variant. */
export function unknownVariant(key: string, tag: unknown, bitOffset: number): ProtocolError {
  return new ProtocolError("UNKNOWN_VARIANT", `no variant for ${key} ${String(tag)}`, { bitOffset });
}

/** Reads a count and refuses it before allocating when it is over `max` or cannot fit the rest. */
export function readCount(r: BitReader, bits: number, max: number, minItemBits: number): number {
  const at = r.bitOffset;
  const count = r.uint(bits);
  if (count > max) throw tooLong(at, count, max);
  if (count * minItemBits > r.remainingBits) {
    throw new ProtocolError("DECODE_PAST_END", `${count} items need at least ${count * minItemBits} bits, ${r.remainingBits} left`, { bitOffset: at });
  }
  return count;
}

/** A non-null object (what a struct, a union or a columns row must be). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null;
}
