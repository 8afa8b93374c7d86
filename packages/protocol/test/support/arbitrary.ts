import type { Codec, Fields, Shape } from "../../src/index";
import { unpackFloat16 } from "../../src/schema/packed-float";
import type { Prng } from "./prng";

const f32 = new Float32Array(1);

function float32(rng: Prng): number {
  switch (rng.below(5)) {
    case 0:
      return 0;
    case 1:
      return rng.between(-100000, 100000);
    default: {
      // Any finite float32 bit pattern, so every exponent is exercised.
      for (;;) {
        new DataView(f32.buffer).setUint32(0, rng.u32(), true);
        if (Number.isFinite(f32[0]!)) return f32[0]!;
      }
    }
  }
}

function float64(rng: Prng): number {
  const view = new DataView(new ArrayBuffer(8));
  for (;;) {
    view.setUint32(0, rng.u32(), true);
    view.setUint32(4, rng.u32(), true);
    const value = view.getFloat64(0, true);
    if (Number.isFinite(value)) return value;
  }
}

function text(rng: Prng, max: number): string {
  const length = rng.pick([0, 1, Math.min(max, 127), Math.min(max, 128), rng.below(Math.min(max, 300) + 1)]);
  let out = "";
  for (let i = 0; i < length; i++) {
    // Mostly ASCII, some BMP letters, the occasional lone surrogate: the wire carries code units.
    const roll = rng.below(10);
    out += String.fromCharCode(roll < 7 ? rng.between(0x20, 0x7e) : roll < 9 ? rng.between(0xa0, 0xd7ff) : rng.between(0xd800, 0xdfff));
  }
  return out;
}

function fields(rng: Prng, defs: Fields, into: Record<string, unknown>): Record<string, unknown> {
  for (const [key, codec] of Object.entries(defs)) into[key] = arbitrary(rng, codec);
  return into;
}

/** A random valid value for a codec, found by walking its shape. */
export function arbitrary(rng: Prng, codec: Codec<unknown>): unknown {
  const shape: Shape = codec.shape;
  switch (shape.kind) {
    case "bool":
      return rng.chance(0.5);
    case "uint":
      return rng.uint(shape.bits);
    case "int": {
      const half = 2 ** (shape.bits - 1);
      const raw = rng.uint(shape.bits);
      return raw >= half ? raw - half * 2 : raw;
    }
    case "bigUint":
      return rng.bigUint(shape.bits);
    case "bigInt":
      return BigInt.asIntN(shape.bits, rng.bigUint(shape.bits));
    case "f16":
      // Any 16-bit pattern unpacked: every one of them packs back to itself.
      return unpackFloat16(rng.uint(16));
    case "f32":
      return float32(rng);
    case "f64":
      return float64(rng);
    case "bytes":
      return rng.bytes(shape.length);
    case "wstring":
      return text(rng, shape.max);
    case "array": {
      const limit = Math.min(shape.max, 2 ** shape.countBits - 1, 6);
      return Array.from({ length: rng.below(limit + 1) }, () => arbitrary(rng, shape.item));
    }
    case "fixedArray":
      return Array.from({ length: shape.length }, () => arbitrary(rng, shape.item));
    case "columns": {
      const limit = Math.min(shape.max, 2 ** shape.countBits - 1, 6);
      return Array.from({ length: rng.below(limit + 1) }, () => fields(rng, shape.fields, {}));
    }
    case "struct":
      return fields(rng, shape.fields, {});
    case "union": {
      const tags = Object.keys(shape.variants).map(Number);
      const tag = rng.pick(tags);
      const out: Record<string, unknown> = { [shape.key]: tag };
      fields(rng, shape.shared, out);
      return fields(rng, shape.variants[tag]!, out);
    }
  }
}
