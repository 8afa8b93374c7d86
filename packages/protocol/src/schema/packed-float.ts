// NexusForever `Source/NexusForever.Network/GamePacketWriter.cs` WritePackedFloat and
// `GamePacketReader.cs` ReadPackedFloat: a float32 squeezed into 16 bits (sign, 5-bit exponent with
// bias 15, 10-bit mantissa), as IEEE half precision but without infinities or NaN: exponent 31 is
// an ordinary exponent (values up to 131008), and anything larger, NaN included, is written as
// 0x43FF (3.998...) with its sign, exactly as the client's own packer does.

const scratch = new DataView(new ArrayBuffer(4));

function bitsOf(value: number): number {
  scratch.setFloat32(0, value, true);
  return scratch.getUint32(0, true);
}

function floatOf(bits: number): number {
  scratch.setUint32(0, bits >>> 0, true);
  return scratch.getFloat32(0, true);
}

/** Packs a number (first rounded to float32) into the client's 16-bit float. */
export function packFloat16(value: number): number {
  const bits = bitsOf(value);
  const magnitude = bits & 0x7fffffff;
  const sign = (bits >>> 16) & 0x8000;
  if (magnitude < 0x33800000) return sign;
  if (magnitude <= 0x387fefff) {
    // Below the smallest normal half: a subnormal, rounded.
    const mantissa = (bits & 0x7fffff) | 0x800000;
    const shift = 113 - (magnitude >>> 23);
    return (sign | (((mantissa >>> shift) + 4096) >>> 13)) & 0xffff;
  }
  if (magnitude > 0x47ffefff) return sign | 0x43ff;
  return (sign | ((magnitude - 0x37fff000) >>> 13)) & 0xffff;
}

/** Unpacks the client's 16-bit float to a number (always finite). */
export function unpackFloat16(packed: number): number {
  const rest = packed & 0x7fff;
  const sign = (packed & 0x8000) << 16;
  if ((rest & 0x7c00) !== 0) return floatOf(sign | ((rest + 0x1c000) << 13));
  if ((rest & 0x3ff) === 0) return floatOf(sign | rest);
  // A subnormal half becomes a normal float32: shift the mantissa up until its leading bit shows.
  let mantissa = (rest & 0x3ff) << 13;
  let exponent = 113;
  while (mantissa <= 0x7fffff) {
    mantissa *= 2;
    exponent -= 1;
  }
  return floatOf(sign | (exponent << 23) | (mantissa & 0x7fffff));
}
