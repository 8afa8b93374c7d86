import { describe, expect, it } from "vitest";
import { BitReader } from "../bits/reader";
import { BitWriter } from "../bits/writer";
import { ProtocolError } from "../errors";
import type { Codec } from "./codec";
import { definePacket } from "./packet";
import { t } from "./types";

function failure(fn: () => unknown): ProtocolError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error("expected a ProtocolError");
}

/** A hand-made codec (not from `t`): a u8 stored as value + 1. The compiler must call it, not inline its shape. */
const plusOne: Codec<number> = {
  shape: { kind: "uint", bits: 8 },
  minBits: 8,
  write: (w, v) => w.uint(v + 1, 8),
  read: (r) => r.uint(8) - 1,
};

const Sample = definePacket({
  name: "ServerCompileSample",
  opcode: 0xf0fe,
  origin: "extension",
  direction: "server",
  fields: {
    flag: t.bool,
    custom: plusOne,
    items: t.array(t.uint(3), t.struct({ id: t.uint(5), name: t.wstring({ max: 4 }) }), { max: 5 }),
    pair: t.fixedArray(2, t.i32),
    columns: t.columns(t.uint(2), { a: t.u8, b: t.bool }),
    choice: t.union({ key: "kind", tag: t.uint(2), shared: { at: t.u8 }, variants: { 0: { x: t.u8 }, 2: { y: t.f32, z: t.u64 } } }),
  },
});

const value = {
  flag: true,
  custom: 41,
  items: [
    { id: 3, name: "abc" },
    { id: 31, name: "" },
  ],
  pair: [-5, 2147483647],
  columns: [
    { a: 1, b: true },
    { a: 200, b: false },
  ],
  choice: { kind: 2 as const, at: 7, y: 1.5, z: 1n << 40n },
};

describe("compiled codecs", () => {
  it("round-trip nested structs, arrays, columns and unions, and call hand-made codecs through their own methods", () => {
    const body = Sample.encode(value);
    expect(Sample.decode(body)).toEqual(value);
    // the custom codec wrote 42 in the 8 bits after the flag
    expect(new BitReader(body).uint(9) >>> 1).toBe(42);
    expect(Sample.decode(Sample.encode({ ...value, choice: { kind: 0, at: 1, x: 9 } })).choice).toEqual({ kind: 0, at: 1, x: 9 });
  });

  it("keep the codes and bit offsets of the interpreted codecs when encoding", () => {
    // bit 0 flag, bits 1-8 custom, 9-11 count: the array of 6 is refused at its count
    let error = failure(() => Sample.encode({ ...value, items: Array.from({ length: 6 }, () => ({ id: 1, name: "" })) }));
    expect(error.code).toBe("ENCODE_FAILED");
    expect((error.cause as ProtocolError).code).toBe("ARRAY_TOO_LONG");
    expect(error.bitOffset).toBe(9);
    error = failure(() => Sample.encode({ ...value, items: [{ id: 1, name: "toolong" }] }));
    expect((error.cause as ProtocolError).code).toBe("STRING_TOO_LONG");
    expect(error.bitOffset).toBe(9 + 3 + 5);
    error = failure(() => Sample.encode({ ...value, items: [null as never] }));
    expect((error.cause as ProtocolError).code).toBe("VALUE_OUT_OF_RANGE");
    expect(error.bitOffset).toBe(12);
    error = failure(() => Sample.encode({ ...value, pair: [1] }));
    expect((error.cause as ProtocolError).reason).toContain("an array of 2");
    error = failure(() => Sample.encode({ ...value, choice: { kind: 1 } as never }));
    expect((error.cause as ProtocolError).code).toBe("UNKNOWN_VARIANT");
    error = failure(() => Sample.encode({ ...value, choice: { kind: "2" } as never }));
    expect((error.cause as ProtocolError).code).toBe("UNKNOWN_VARIANT");
    error = failure(() => Sample.encode(null as never));
    expect((error.cause as ProtocolError).code).toBe("VALUE_OUT_OF_RANGE");
    expect(error.bitOffset).toBe(0);
  });

  it("keep the codes and bit offsets when decoding", () => {
    // flag 1, custom 8 bits, count 7 (over the max of 5) at bit 9
    const w = new BitWriter();
    w.bool(true);
    w.uint(0, 8);
    w.uint(7, 3);
    let error = failure(() => Sample.decode(w.finish()));
    expect(error.code).toBe("ARRAY_TOO_LONG");
    expect(error.bitOffset).toBe(9);
    expect(error.opcode).toBe(0xf0fe);
    // union tag 1 has no variant: reported where the tag starts. Before it: flag 1, custom 8,
    // count 3, items 5+8+48 and 5+8, pair 64, columns 2+16+2 = 170 bits.
    const tagAt = 170;
    const source = new BitReader(Sample.encode(value));
    const r = new BitWriter();
    for (let i = 0; i < tagAt; i++) r.bool(source.bool());
    expect(source.uint(2)).toBe(2);
    r.uint(1, 2);
    r.uint(0, 16);
    error = failure(() => Sample.decode(r.finish()));
    expect(error.code).toBe("UNKNOWN_VARIANT");
    expect(error.bitOffset).toBe(tagAt);
    // cut inside the f32 of variant 2: past the end, at the f32's first bit (tag 2 + at 8)
    const cut = Sample.encode(value).subarray(0, Math.ceil((tagAt + 10 + 16) / 8));
    error = failure(() => Sample.decode(cut));
    expect(error.code).toBe("DECODE_PAST_END");
    expect(error.bitOffset).toBe(tagAt + 10);
  });

  it("refuse a field named __proto__", () => {
    expect(() => t.struct(JSON.parse('{"__proto__": 1}') as never)).toThrow(ProtocolError);
  });
});
