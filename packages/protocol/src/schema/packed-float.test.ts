import { describe, expect, it } from "vitest";
import { packFloat16, unpackFloat16 } from "./packed-float";

describe("the client's packed 16-bit float", () => {
  it("packs ordinary values as IEEE half precision does", () => {
    expect(packFloat16(1)).toBe(0x3c00);
    expect(packFloat16(0.5)).toBe(0x3800);
    expect(packFloat16(-2)).toBe(0xc000);
    expect(packFloat16(7.25)).toBe(0x4740);
    expect(packFloat16(65504)).toBe(0x7bff);
    expect(packFloat16(0)).toBe(0);
    expect(packFloat16(-0)).toBe(0x8000);
  });

  it("uses exponent 31 as an ordinary exponent, and writes 0x43FF (with the sign) beyond it and for NaN", () => {
    expect(packFloat16(65536)).toBe(0x7c00);
    expect(unpackFloat16(0x7c00)).toBe(65536);
    expect(unpackFloat16(0x7fff)).toBe(131008);
    expect(packFloat16(1e6)).toBe(0x43ff);
    expect(packFloat16(-1e6)).toBe(0xc3ff);
    expect(packFloat16(Number.POSITIVE_INFINITY)).toBe(0x43ff);
    expect(packFloat16(Number.NaN)).toBe(0x43ff);
  });

  it("rounds subnormals, and flushes what is too small to zero", () => {
    expect(packFloat16(2 ** -24)).toBe(0x0001);
    expect(unpackFloat16(0x0001)).toBe(2 ** -24);
    expect(unpackFloat16(0x03ff)).toBe(1023 * 2 ** -24);
    expect(packFloat16(2 ** -26)).toBe(0);
  });

  it("gives back every one of the 65536 patterns it unpacks, as a finite number", () => {
    for (let packed = 0; packed <= 0xffff; packed++) {
      const value = unpackFloat16(packed);
      expect(Number.isFinite(value)).toBe(true);
      if (packFloat16(value) !== packed) expect.fail(`pattern 0x${packed.toString(16)} -> ${value} -> 0x${packFloat16(value).toString(16)}`);
    }
  });
});
