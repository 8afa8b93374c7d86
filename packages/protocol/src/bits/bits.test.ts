import { describe, expect, it } from "vitest";
import { Prng } from "../../test/support/prng";
import { ReferenceReader, ReferenceWriter } from "../../test/support/reference-bits";
import { ProtocolError } from "../errors";
import { BitReader } from "./reader";
import { BitWriter } from "./writer";

function expectProtocolError(fn: () => unknown, code: string, bitOffset?: number): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe(code);
    if (bitOffset !== undefined) expect((error as ProtocolError).bitOffset).toBe(bitOffset);
    return;
  }
  throw new Error(`expected ProtocolError ${code}`);
}

describe("bit layout", () => {
  it("fills bytes from the least significant bit and writes values LSB first", () => {
    const w = new BitWriter();
    w.bool(true); // bit 0
    w.uint(0b10110, 5); // bits 1..5
    w.uint(0xdeadbeef, 32); // bits 6..37, not realigned
    w.flushBits();
    // Hand-computed: byte0 = 1 | 0b10110 << 1 | (0xef & 0b11) << 6 = 0x01 | 0x2c | 0xc0 = 0xed;
    // the value's other 30 bits, 0xdeadbeef >> 2 = 0x37ab6fbb, fill bytes 1..4 LE (bb 6f ab 37),
    // the top 2 bits of byte 4 being flush padding.
    expect(w.finish().toString("hex")).toBe("edbb6fab37");
  });

  it("reads a u32 after 3 bits without jumping to the next byte", () => {
    const r = new BitReader(Buffer.from("edbb6fab37", "hex"));
    expect(r.bool()).toBe(true);
    expect(r.uint(5)).toBe(0b10110);
    expect(r.uint(32)).toBe(0xdeadbeef);
    expect(r.bitOffset).toBe(38);
  });

  it("flushBits pads with zeros and is a no-op on a boundary", () => {
    const w = new BitWriter();
    w.uint(0b101, 3);
    w.flushBits();
    w.flushBits();
    w.uint(0xff, 8);
    expect(w.finish().toString("hex")).toBe("05ff");
  });
});

describe("integers", () => {
  it("round-trips every width 1..53 at its edges", () => {
    for (let bits = 1; bits <= 53; bits++) {
      const w = new BitWriter();
      const max = 2 ** bits - 1;
      w.bool(true); // misalign on purpose
      w.uint(max, bits);
      w.uint(0, bits);
      w.uint(Math.floor(max / 3), bits);
      const r = new BitReader(w.finish());
      expect(r.bool()).toBe(true);
      expect(r.uint(bits)).toBe(max);
      expect(r.uint(bits)).toBe(0);
      expect(r.uint(bits)).toBe(Math.floor(max / 3));
    }
  });

  it("signed integers use two's complement of their width", () => {
    for (const bits of [1, 2, 7, 8, 14, 16, 31, 32, 33, 40, 53]) {
      const half = 2 ** (bits - 1);
      const w = new BitWriter();
      w.uint(1, 3);
      for (const v of [-half, -1, 0, half - 1]) w.int(v, bits);
      const r = new BitReader(w.finish());
      r.uint(3);
      for (const v of [-half, -1, 0, half - 1]) expect(r.int(bits)).toBe(v);
    }
    const w = new BitWriter();
    w.int(-2, 4);
    expect(w.finish().toString("hex")).toBe("0e");
  });

  it("64-bit values go through bigint", () => {
    const w = new BitWriter();
    w.uint(5, 3);
    w.bigUint(0xfedcba9876543210n, 64);
    w.bigInt(-1n, 64);
    w.bigInt(-(2n ** 63n), 64);
    w.bigUint(0x1ffffffffn, 33);
    w.bigUint(7n, 64);
    const bytes = w.finish();
    const r = new BitReader(bytes);
    expect(r.uint(3)).toBe(5);
    expect(r.bigUint(64)).toBe(0xfedcba9876543210n);
    expect(r.bigInt(64)).toBe(-1n);
    expect(r.bigInt(64)).toBe(-(2n ** 63n));
    expect(r.bigUint(33)).toBe(0x1ffffffffn);
    expect(r.bigUint(64)).toBe(7n);
    const ref = new ReferenceReader(bytes);
    expect(ref.bits(3)).toBe(5n);
    expect(ref.bits(64)).toBe(0xfedcba9876543210n);
  });

  it("refuses values that do not fit instead of truncating them", () => {
    const w = new BitWriter();
    w.uint(1, 5);
    expectProtocolError(() => w.uint(32, 5), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.uint(-1, 8), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.uint(1.5, 8), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.uint(2 ** 32, 32), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.uint(Number.NaN, 8), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.int(8, 4), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.int(-9, 4), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.bigUint(1n << 64n, 64), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.bigUint(-1n, 64), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.bigInt(1n << 63n, 64), "VALUE_OUT_OF_RANGE", 5);
    expectProtocolError(() => w.bigUint(4n, 2), "VALUE_OUT_OF_RANGE", 5);
    expect(w.bitOffset).toBe(5);
  });
});

describe("floats", () => {
  it("f32 is its IEEE bits, also misaligned", () => {
    const w = new BitWriter();
    w.bool(false);
    w.f32(1.5);
    w.f32(-0.1);
    const r = new BitReader(w.finish());
    r.bool();
    expect(r.f32()).toBe(1.5);
    expect(r.f32()).toBe(Math.fround(-0.1));
    const single = new BitWriter();
    single.f32(1);
    expect(single.finish().toString("hex")).toBe("0000803f");
  });

  it("f64 round-trips", () => {
    const w = new BitWriter();
    w.uint(3, 2);
    w.f64(Math.PI);
    w.f64(-1e300);
    const r = new BitReader(w.finish());
    r.uint(2);
    expect(r.f64()).toBe(Math.PI);
    expect(r.f64()).toBe(-1e300);
  });
});

describe("bytes and wide strings", () => {
  it("bytes are 8 bits each from the current position", () => {
    const w = new BitWriter();
    w.uint(1, 4);
    w.bytes(Buffer.from([0xab, 0xcd]));
    // 1 | 0xb << 4 = b1, 0xa | 0xd << 4 = da, 0xc = 0c
    expect(w.finish().toString("hex")).toBe("b1da0c");
    const r = new BitReader(Buffer.from("b1da0c", "hex"));
    r.uint(4);
    expect(r.bytesOf(2).toString("hex")).toBe("abcd");
  });

  it("encodes 0, 127, 128 and long strings with the extended flag at 128", () => {
    for (const length of [0, 1, 127, 128, 1000, 0x7fff]) {
      for (const offset of [0, 3]) {
        const text = "é".repeat(length);
        const w = new BitWriter();
        w.uint(0, offset);
        w.wstring(text, 0x7fff);
        const bytes = w.finish();
        const headerBits = 1 + (length > 0x7f ? 15 : 7);
        expect(bytes.length).toBe(Math.ceil((offset + headerBits + length * 16) / 8));
        const ref = new ReferenceReader(bytes);
        ref.bits(offset);
        expect(ref.bits(1)).toBe(length > 0x7f ? 1n : 0n);
        expect(ref.bits(length > 0x7f ? 15 : 7)).toBe(BigInt(length));
        if (length > 0) expect(ref.bits(16)).toBe(0xe9n);
        const again = new BitReader(bytes);
        if (offset > 0) again.uint(offset);
        expect(again.wstring(0x7fff)).toBe(text);
      }
    }
  });

  it("string of 127 fits the short form, 128 needs the extended one (hand-checked bytes)", () => {
    const w = new BitWriter();
    w.wstring("A", 10);
    // extended 0, count 1 in 7 bits -> byte 0x02, then 'A' = 41 00
    expect(w.finish().toString("hex")).toBe("024100");
    const w2 = new BitWriter();
    w2.wstring("B".repeat(128), 200);
    // extended 1, count 128 in 15 bits -> bits: 1 | 128 << 1 = 0x0101 -> bytes 01 01
    expect(w2.finish().subarray(0, 4).toString("hex")).toBe("01014200");
  });

  it("keeps UTF-16 code units, lone surrogates included, short and long, from a Buffer or a plain Uint8Array", () => {
    // Short strings are concatenated, longer ones decoded by Buffer: both paths, every alignment.
    for (const text of ["a\ud800b\udfff😀", "a\ud800b\udfff😀".repeat(9) + "\ud800"]) {
      for (const offset of [0, 1, 5, 7]) {
        const w = new BitWriter();
        w.uint(0, offset);
        w.wstring(text, 100);
        const bytes = w.finish();
        for (const input of [bytes, new Uint8Array(bytes)]) {
          const again = new BitReader(input);
          if (offset) again.uint(offset);
          expect(again.wstring(100)).toBe(text);
          expect(again.remainingBits).toBeLessThan(8);
        }
      }
    }
  });

  it("refuses strings over their limit on both sides", () => {
    const w = new BitWriter();
    w.bool(true);
    expectProtocolError(() => w.wstring("abcd", 3), "STRING_TOO_LONG", 1);
    expectProtocolError(() => w.wstring("x".repeat(0x8000), 0x7fff), "STRING_TOO_LONG", 1);
    const ok = new BitWriter();
    ok.bool(true);
    ok.wstring("abcd", 10);
    const r = new BitReader(ok.finish());
    r.bool();
    expectProtocolError(() => r.wstring(3), "STRING_TOO_LONG", 1);
  });
});

describe("reading past the end", () => {
  it("reports the bit offset where the failing read started", () => {
    const r = new BitReader(Buffer.from([0xff, 0xff]));
    r.uint(10);
    expectProtocolError(() => r.uint(7), "DECODE_PAST_END", 10);
    expect(r.uint(6)).toBe(63);
    expectProtocolError(() => r.bool(), "DECODE_PAST_END", 16);
    expectProtocolError(() => new BitReader(Buffer.alloc(7)).bigUint(64), "DECODE_PAST_END", 32);
    expectProtocolError(() => new BitReader(Buffer.alloc(3)).f32(), "DECODE_PAST_END", 0);
    expectProtocolError(() => new BitReader(Buffer.alloc(2)).bytesOf(3), "DECODE_PAST_END", 0);
    // count says 5 code units but only 2 follow: fails at the characters, after the 8-bit header
    expectProtocolError(() => new BitReader(Buffer.from("0a41004200", "hex")).wstring(10), "DECODE_PAST_END", 8);
    expectProtocolError(() => new BitReader(Buffer.alloc(0)).wstring(10), "DECODE_PAST_END", 0);
  });
});

describe("against a bit-at-a-time port of NexusForever's writer and reader", () => {
  it("agrees on random sequences of mixed widths", () => {
    const rng = new Prng(0xb17);
    for (let round = 0; round < 300; round++) {
      const fast = new BitWriter(1);
      const ref = new ReferenceWriter();
      const ops: { bits: number; value: bigint }[] = [];
      const count = rng.between(1, 40);
      for (let i = 0; i < count; i++) {
        const bits = rng.between(1, 64);
        const value = rng.bigUint(bits);
        ops.push({ bits, value });
        if (bits <= 53 && rng.chance(0.5)) fast.uint(Number(value), bits);
        else fast.bigUint(value, bits);
        ref.bits(value, bits);
        if (rng.chance(0.1)) {
          fast.flushBits();
          ref.flush();
          ops.push({ bits: 0, value: 0n });
        }
      }
      const bytes = fast.finish();
      expect(bytes.toString("hex")).toBe(ref.finish().toString("hex"));
      const reader = new BitReader(bytes);
      const refReader = new ReferenceReader(bytes);
      for (const op of ops) {
        if (op.bits === 0) {
          reader.alignToByte();
          continue;
        }
        expect(reader.bigUint(op.bits)).toBe(op.value);
      }
      // the reference reader reads the same values (ignoring flush points it cannot see)
      if (!ops.some((op) => op.bits === 0)) for (const op of ops) expect(refReader.bits(op.bits)).toBe(op.value);
    }
  });
});

describe("pooled writers", () => {
  it("reuse scratch memory without leaking earlier bytes", () => {
    const a = BitWriter.pooled();
    a.uint(0xffffffff, 32);
    a.uint(0xffffffff, 32);
    expect(a.finishCopy().toString("hex")).toBe("ffffffffffffffff");
    const b = BitWriter.pooled(16);
    b.bool(true);
    b.uint(0, 20);
    expect(b.finishCopy().toString("hex")).toBe("0000010000");
    const nested = BitWriter.pooled();
    const other = BitWriter.pooled();
    other.uint(7, 3);
    nested.uint(1, 1);
    expect(other.finishCopy().toString("hex")).toBe("07");
    expect(nested.finishCopy().toString("hex")).toBe("01");
  });
});

describe("copyTo", () => {
  it("copies the whole bytes written to an offset of the target, short ones and long ones alike", () => {
    for (const length of [0, 1, 47, 48, 49, 300]) {
      const writer = new BitWriter();
      for (let i = 0; i < length; i++) writer.uint((i * 37 + 11) & 0xff, 8);
      const expected = Buffer.from(writer.finish());
      const target = new Uint8Array(length + 10).fill(0xee);
      writer.copyTo(target, 4);
      expect(Buffer.from(target.subarray(4, 4 + length)).equals(expected)).toBe(true);
      expect([...target.subarray(0, 4), ...target.subarray(4 + length)].every((b) => b === 0xee)).toBe(true);
    }
  });

  it("refuses a target too small at that offset, writing nothing", () => {
    const writer = new BitWriter();
    writer.uint(0xabcdef, 24);
    const target = new Uint8Array(4).fill(0xee);
    expectProtocolError(() => writer.copyTo(target, 2), "INVALID_ARGUMENT");
    expectProtocolError(() => writer.copyTo(target, -1), "INVALID_ARGUMENT");
    expect(target.every((b) => b === 0xee)).toBe(true);
  });
});

describe("copyWordsTo", () => {
  it("gives the bytes written as little-endian words, the last one partial, the rest zeroed", () => {
    for (const length of [0, 1, 3, 4, 5, 8, 13]) {
      const writer = new BitWriter();
      const bytes = Array.from({ length }, (_, i) => (i * 37 + 200) & 0xff);
      for (const byte of bytes) writer.uint(byte, 8);
      const words = new Int32Array(6).fill(-1);
      writer.copyWordsTo(words);
      const expected = new Int32Array(6);
      bytes.forEach((byte, i) => (expected[i >>> 2]! |= byte << ((i & 3) * 8)));
      expect([...words]).toEqual([...expected]);
    }
    const writer = new BitWriter();
    writer.uint(0x1234567, 32);
    writer.uint(1, 8);
    expect(() => writer.copyWordsTo(new Int32Array(1))).toThrow(ProtocolError);
  });
});
