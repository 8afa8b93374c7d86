import type { BitReader } from "../bits/reader";
import type { BitWriter } from "../bits/writer";
import { ProtocolError } from "../errors";
import type { Codec, Fields, Shape, Simplify, StructValue } from "./codec";
import { notAn } from "./checks";
import { compileCodec, markBuiltIn } from "./compile";
import { packFloat16, unpackFloat16 } from "./packed-float";

function codec<T>(shape: Shape, minBits: number, write: (w: BitWriter, v: T) => void, read: (r: BitReader) => T): Codec<T> {
  return markBuiltIn({ shape, minBits, write, read });
}

/**
 * A composite codec (struct, array, columns, union): its writer and reader are generated from its
 * shape on first use (`compileCodec`), the whole nested field tree in one specialised function.
 */
function compiled<T>(shape: Shape, minBits: number): Codec<T> {
  const self = {
    shape,
    minBits,
    write(w: BitWriter, v: T): void {
      compileInto(self).write(w, v);
    },
    read(r: BitReader): T {
      return compileInto(self).read(r);
    },
  };
  return markBuiltIn(self);
}

function compileInto<T>(self: { write: Codec<T>["write"]; read: Codec<T>["read"]; shape: Shape; minBits: number }): Codec<T> {
  const done = compileCodec(self as Codec<T>);
  self.write = done.write;
  self.read = done.read;
  return self;
}

function checkBits(bits: number, max: number, what: string): void {
  if (!Number.isInteger(bits) || bits < 1 || bits > max) {
    throw new ProtocolError("INVALID_ARGUMENT", `${what} width must be 1..${max} bits, got ${bits}`);
  }
}

/** Unsigned integer of 1..53 bits, read and written as an exact `number`. */
function uint(bits: number): Codec<number> {
  checkBits(bits, 53, "uint");
  return codec(
    { kind: "uint", bits },
    bits,
    (w, v) => w.uint(v, bits),
    (r) => r.uint(bits),
  );
}

/** Two's complement signed integer of 1..53 bits, as a `number`. */
function int(bits: number): Codec<number> {
  checkBits(bits, 53, "int");
  return codec(
    { kind: "int", bits },
    bits,
    (w, v) => w.int(v, bits),
    (r) => r.int(bits),
  );
}

/** Unsigned integer of 1..64 bits as a `bigint` (use for u64 ids and money). */
function bigUint(bits: number): Codec<bigint> {
  checkBits(bits, 64, "bigUint");
  return codec(
    { kind: "bigUint", bits },
    bits,
    (w, v) => w.bigUint(v, bits),
    (r) => r.bigUint(bits),
  );
}

/** Two's complement signed integer of 1..64 bits as a `bigint`. */
function bigInt(bits: number): Codec<bigint> {
  checkBits(bits, 64, "bigInt");
  return codec(
    { kind: "bigInt", bits },
    bits,
    (w, v) => w.bigInt(v, bits),
    (r) => r.bigInt(bits),
  );
}

/** Fixed number of raw bytes (e.g. a 16-byte session key), as a `Buffer`. */
function bytes(length: number): Codec<Uint8Array> {
  if (!Number.isInteger(length) || length < 0) throw new ProtocolError("INVALID_ARGUMENT", `bytes length must be >= 0, got ${length}`);
  return codec(
    { kind: "bytes", length },
    length * 8,
    (w, v) => w.bytes(v, length),
    (r) => r.bytesOf(length),
  );
}

/** Wide string (1-bit extended flag, 7/15-bit UTF-16 count, UTF-16LE) of at most `max` code units. */
function wstring(options: { max?: number } = {}): Codec<string> {
  const max = options.max ?? 0x7fff;
  if (!Number.isInteger(max) || max < 0 || max > 0x7fff) throw new ProtocolError("INVALID_ARGUMENT", `wstring max must be 0..32767, got ${max}`);
  return codec(
    { kind: "wstring", max },
    8,
    (w, v) => w.wstring(v, max),
    (r) => r.wstring(max),
  );
}

function countBitsOf(count: Codec<number>): number {
  const shape = count.shape;
  if (shape.kind !== "uint" || shape.bits > 32) throw new ProtocolError("INVALID_ARGUMENT", "an array count must be an unsigned integer of at most 32 bits");
  return shape.bits;
}

/** A count (written with `count`, e.g. `t.u32` or `t.uint(5)`) followed by that many items. */
function array<T>(count: Codec<number>, item: Codec<T>, options: { max?: number } = {}): Codec<T[]> {
  const bits = countBitsOf(count);
  const max = options.max ?? 65535;
  return compiled<T[]>({ kind: "array", countBits: bits, max, item }, bits);
}

/** Exactly `length` items with no count on the wire. */
function fixedArray<T>(length: number, item: Codec<T>): Codec<T[]> {
  return compiled<T[]>({ kind: "fixedArray", length, item }, length * item.minBits);
}

/** `__proto__` would set a decoded object's prototype instead of a field. */
function checkNames(fields: Fields): void {
  if (Object.prototype.hasOwnProperty.call(fields, "__proto__")) throw new ProtocolError("INVALID_ARGUMENT", "a field cannot be named __proto__");
}

function minBitsOf(fields: Fields): number {
  let total = 0;
  for (const c of Object.values(fields)) total += c.minBits;
  return total;
}

/** Named fields in wire order; the value is a plain object. */
function struct<F extends Fields>(fields: F): Codec<Simplify<StructValue<F>>> {
  checkNames(fields);
  return compiled<Simplify<StructValue<F>>>({ kind: "struct", fields }, minBitsOf(fields));
}

/**
 * An array of records written column by column: the count, then every item's first field, then
 * every item's second field... (the client's character customisation labels and values).
 */
function columns<F extends Fields>(count: Codec<number>, fields: F, options: { max?: number } = {}): Codec<Simplify<StructValue<F>>[]> {
  checkNames(fields);
  const bits = countBitsOf(count);
  const max = options.max ?? 65535;
  return compiled<Simplify<StructValue<F>>[]>({ kind: "columns", countBits: bits, max, fields }, bits);
}

/** The value of a {@link union}: the tag under `key`, the shared fields and the variant's fields. */
export type UnionValue<K extends string, S extends Fields, V extends Readonly<Record<number, Fields>>> = {
  [T in keyof V & number]: Simplify<{ [P in K]: T } & StructValue<S> & StructValue<V[T]>>;
}[keyof V & number];

/**
 * A tagged union: an unsigned tag (e.g. `t.uint(4)`), then `shared` fields, then the fields of the
 * variant the tag selects. A tag with no variant is `UNKNOWN_VARIANT`.
 */
function union<const K extends string, S extends Fields, V extends Readonly<Record<number, Fields>>>(definition: {
  key: K;
  tag: Codec<number>;
  shared?: S;
  variants: V;
}): Codec<UnionValue<K, S, V>> {
  const { key } = definition;
  const tagBits = countBitsOf(definition.tag);
  const shared: Fields = definition.shared ?? {};
  checkNames({ [key]: definition.tag, ...shared });
  let minVariant = Infinity;
  for (const fields of Object.values(definition.variants)) {
    checkNames(fields);
    minVariant = Math.min(minVariant, minBitsOf(fields));
  }
  return compiled<UnionValue<K, S, V>>(
    { kind: "union", key, tagBits, shared, variants: definition.variants },
    tagBits + minBitsOf(shared) + (Number.isFinite(minVariant) ? minVariant : 0),
  );
}

const bool = codec<boolean>(
  { kind: "bool" },
  1,
  (w, v) => w.bool(v),
  (r) => r.bool(),
);
const f32 = codec<number>(
  { kind: "f32" },
  32,
  (w, v) => w.f32(v),
  (r) => r.f32(),
);
/**
 * The client's packed 16-bit float (NexusForever `WritePackedFloat`; see `packed-float.ts`):
 * velocities, move directions and scale in entity commands. Any number encodes (too large or NaN
 * becomes 3.998 with its sign, as the client packs it); decoding always gives a finite number.
 */
const f16 = codec<number>(
  { kind: "f16" },
  16,
  (w, v) => {
    if (typeof v !== "number") throw notAn("a number", w.bitOffset, v);
    w.uint(packFloat16(v), 16);
  },
  (r) => unpackFloat16(r.uint(16)),
);
const f64 = codec<number>(
  { kind: "f64" },
  64,
  (w, v) => w.f64(v),
  (r) => r.f64(),
);

/**
 * The packet field DSL. Every packet is a `t.struct`-like field list from which its encoder,
 * decoder and TypeScript type all derive. Widths are validated here, once; a bad width throws
 * `INVALID_ARGUMENT` at module load.
 */
export const t = {
  bool,
  uint,
  int,
  bigUint,
  bigInt,
  u8: uint(8),
  u16: uint(16),
  u32: uint(32),
  i32: int(32),
  u64: bigUint(64),
  i64: bigInt(64),
  f16,
  f32,
  f64,
  bytes,
  wstring,
  array,
  fixedArray,
  struct,
  columns,
  union,
} as const;
