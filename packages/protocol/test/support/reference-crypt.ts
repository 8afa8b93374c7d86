/**
 * A deliberately literal port of NexusForever's PacketCrypt (Source/NexusForever.Cryptography/
 * PacketCrypt.cs) with BigInt and byte loops, including its reversed-state decrypt, to check the
 * optimised implementation against. Slow on purpose; tests only.
 */
const M = 0xaa7f8ea9n;
const I = 0x718da9074f2deb91n;
const MASK = (1n << 64n) - 1n;

function le64(value: bigint): number[] {
  const out: number[] = [];
  for (let i = 0n; i < 8n; i++) out.push(Number((value >> (8n * i)) & 0xffn));
  return out;
}

export function referenceAuthKey(build = 16042n, message = 0x97998a0n): bigint {
  let key = (I + 0x5b88d61139619662n) & MASK;
  key = (key * M) & MASK;
  key = (((key + build) & MASK) * M) & MASK;
  return (((key + message) & MASK) * M) & MASK;
}

export function referenceTicketKey(sessionKey: Uint8Array): bigint {
  let key = I;
  for (const byte of sessionKey) key = (((key + BigInt(byte)) & MASK) * M) & MASK;
  return (((key + referenceAuthKey()) & MASK) * M) & MASK;
}

export function referenceExpand(keyInteger: bigint): { key: number[]; keyValue: bigint } {
  const key: number[] = [];
  let keyVal = I;
  let v2 = (((keyVal + keyInteger) & MASK) * M) & MASK;
  for (let i = 0; i < 128; i += 8) {
    key.push(...le64(v2));
    keyVal = (((keyVal + v2) & MASK) * M) & MASK;
    v2 = (((keyInteger + v2) & MASK) * M) & MASK;
  }
  return { key, keyValue: keyVal };
}

export function referenceEncrypt(keyInteger: bigint, buffer: Uint8Array): Buffer {
  const { key, keyValue } = referenceExpand(keyInteger);
  const state = le64(keyValue);
  const out = Buffer.alloc(buffer.length);
  let v4 = (0xaa7f8eaan * BigInt(buffer.length)) & 0xffffffffn;
  let v9 = 0;
  for (let i = 0; i < buffer.length; i++) {
    const s = i % 8;
    if (s === 0) {
      v9 = Number(v4 & 0xfn) * 8;
      v4 = (v4 + 1n) & 0xffffffffn;
    }
    out[i] = state[s]! ^ buffer[i]! ^ key[v9 + s]!;
    state[s] = out[i]!;
  }
  return out;
}

export function referenceDecrypt(keyInteger: bigint, buffer: Uint8Array): Buffer {
  const { key, keyValue } = referenceExpand(keyInteger);
  const state = le64(keyValue).reverse();
  const out = Buffer.alloc(buffer.length);
  let v4 = (0xaa7f8eaan * BigInt(buffer.length)) & 0xffffffffn;
  let v9 = 0;
  for (let i = 0; i < buffer.length; i++) {
    const s = i % 8;
    if (s === 0) {
      v9 = Number(v4 & 0xfn) * 8;
      v4 = (v4 + 1n) & 0xffffffffn;
    }
    out[i] = state[7 - s]! ^ buffer[i]! ^ key[v9 + s]!;
    state[7 - s] = buffer[i]!;
  }
  return out;
}
