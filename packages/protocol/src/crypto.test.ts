import { describe, expect, it } from "vitest";
import { Prng } from "../test/support/prng";
import { referenceAuthKey, referenceDecrypt, referenceEncrypt, referenceExpand, referenceTicketKey } from "../test/support/reference-crypt";
import { CipherTarget, PacketCrypt, keyFromAuthBuildAndMessage, keyFromSessionKey, plainWords } from "./crypto";
import { ProtocolError } from "./errors";

// Computed with an independent Python port of NexusForever's PacketCrypt.cs (straight 64-bit
// integer arithmetic and byte loops, nothing shared with this code).
const AUTH_KEY = 0xd283f5b34a8dc685n;
const VECTORS = {
  authKeyValue: 0x7d546d1d1994c849n,
  authKeyFirst16: "86c49a8ed532565e43e458213e52993e",
  authKeyLast8: "a17c7eeae78b6f6a",
  ticket0to15: 0x21b2a581070b2b7en,
  ticket00112233: 0x94741f2d48c452fen,
  encAuthBytes0to31: "cf0d0c94cc5a042484e05ebefe0593159c5f751afb0d2d8e91612a4284105ff8",
  encAuthHello: "0903c1c2635cdcbf795cf1f221",
  encTicketHello: "bac3ea30f89e03c456de02b8cf",
  decAuthHello: "0903c1c2635cdcbf383a5c5c2d",
  encKey0Abc: "e906a7",
};

describe("key derivation", () => {
  it("derives the build 16042 / auth message key", () => {
    // Also the value a clean-room reimplementation validated against captured client traffic
    // names AuthChannelKey (NexusUnleashed PacketCrypt.h).
    expect(keyFromAuthBuildAndMessage()).toBe(AUTH_KEY);
    expect(referenceAuthKey()).toBe(AUTH_KEY);
    expect(keyFromAuthBuildAndMessage(16029, 0x97998a0)).toBe(referenceAuthKey(16029n, 0x97998a0n));
  });

  it("derives the session key (GetKeyFromTicket)", () => {
    const counting = Uint8Array.from({ length: 16 }, (_, i) => i);
    expect(keyFromSessionKey(counting)).toBe(VECTORS.ticket0to15);
    expect(keyFromSessionKey(Buffer.from("00112233445566778899aabbccddeeff", "hex"))).toBe(VECTORS.ticket00112233);
    const rng = new Prng(7);
    for (let i = 0; i < 50; i++) {
      const key = rng.bytes(16);
      expect(keyFromSessionKey(key)).toBe(referenceTicketKey(key));
    }
  });

  it("only accepts 16-byte session keys and 64-bit key integers", () => {
    expect(() => keyFromSessionKey(new Uint8Array(15))).toThrow(ProtocolError);
    expect(() => new PacketCrypt(-1n)).toThrow(ProtocolError);
    expect(() => new PacketCrypt(1n << 64n)).toThrow(ProtocolError);
  });
});

describe("key expansion", () => {
  it("matches the vectors and the reference", () => {
    const crypt = new PacketCrypt(AUTH_KEY);
    expect(crypt.keyValue).toBe(VECTORS.authKeyValue);
    const { key, keyValue } = referenceExpand(AUTH_KEY);
    expect(keyValue).toBe(VECTORS.authKeyValue);
    expect(Buffer.from(key.slice(0, 16)).toString("hex")).toBe(VECTORS.authKeyFirst16);
    expect(Buffer.from(key.slice(120)).toString("hex")).toBe(VECTORS.authKeyLast8);
  });
});

describe("encrypt and decrypt", () => {
  const hello = Buffer.from("Hello, Nexus!");

  it("match the independent vectors", () => {
    const auth = new PacketCrypt(AUTH_KEY);
    expect(auth.encrypt(Buffer.from(Array.from({ length: 32 }, (_, i) => i))).toString("hex")).toBe(VECTORS.encAuthBytes0to31);
    expect(auth.encrypt(hello).toString("hex")).toBe(VECTORS.encAuthHello);
    expect(auth.decrypt(hello).toString("hex")).toBe(VECTORS.decAuthHello);
    expect(new PacketCrypt(VECTORS.ticket0to15).encrypt(hello).toString("hex")).toBe(VECTORS.encTicketHello);
    expect(new PacketCrypt(0n).encrypt(Buffer.from("abc")).toString("hex")).toBe(VECTORS.encKey0Abc);
  });

  it("hand check: one byte is register byte 0 ^ input ^ key block (0xAA7F8EAA * 1) & 0xF = 10", () => {
    const { key, keyValue } = referenceExpand(AUTH_KEY);
    const expected = Number(keyValue & 0xffn) ^ 0x00 ^ key[10 * 8]!;
    expect(new PacketCrypt(AUTH_KEY).encrypt(Uint8Array.of(0))[0]).toBe(expected);
    // and for two bytes the block is (0xAA7F8EAA * 2) & 0xF = 4, lanes 0 and 1
    const two = new PacketCrypt(AUTH_KEY).encrypt(Uint8Array.of(0x10, 0x20));
    expect(two[0]).toBe(Number(keyValue & 0xffn) ^ 0x10 ^ key[32]!);
    expect(two[1]).toBe(Number((keyValue >> 8n) & 0xffn) ^ 0x20 ^ key[33]!);
  });

  it("agree with the literal BigInt port for every length 0..80 and random keys", () => {
    const rng = new Prng(0xc0ffee);
    for (let length = 0; length <= 80; length++) {
      const keyInteger = rng.bigUint(64);
      const crypt = new PacketCrypt(keyInteger);
      const plain = rng.bytes(length);
      const cipher = crypt.encrypt(plain);
      expect(cipher.toString("hex")).toBe(referenceEncrypt(keyInteger, plain).toString("hex"));
      expect(crypt.decrypt(cipher).toString("hex")).toBe(plain.toString("hex"));
      expect(crypt.decrypt(plain).toString("hex")).toBe(referenceDecrypt(keyInteger, plain).toString("hex"));
    }
  });

  it("encrypt from plain words into any offset of a view, as the literal port does, for every length 0..80", () => {
    const rng = new Prng(0xbeef);
    for (let length = 0; length <= 80; length++) {
      const keyInteger = rng.bigUint(64);
      const plain = rng.bytes(length);
      const words = plainWords(plain);
      expect(words.length).toBe(((length + 7) >> 3) * 2);
      const at = rng.uint(3);
      const out = Buffer.alloc(at + length + 3, 0xcc);
      new PacketCrypt(keyInteger).encryptWordsInto(words, length, new DataView(out.buffer, 0, out.buffer.byteLength), out.byteOffset + at);
      expect(out.subarray(at, at + length).toString("hex")).toBe(referenceEncrypt(keyInteger, plain).toString("hex"));
      expect([...out.subarray(0, at), ...out.subarray(at + length)]).toEqual(Array(at + 3).fill(0xcc));
    }
  });

  it("refuse to encrypt words outside the view, or more bytes than the words hold, writing nothing", () => {
    const crypt = new PacketCrypt(AUTH_KEY);
    const out = new Uint8Array(16).fill(0xcc);
    const view = new DataView(out.buffer);
    const words = plainWords(new Uint8Array(8));
    expect(() => crypt.encryptWordsInto(words, 8, view, 9)).toThrow(ProtocolError);
    expect(() => crypt.encryptWordsInto(words, 8, view, -1)).toThrow(ProtocolError);
    expect(() => crypt.encryptWordsInto(words, 9, view, 0)).toThrow(ProtocolError);
    expect([...out]).toEqual(Array(16).fill(0xcc));
  });

  it("round-trip long buffers with both key derivations", () => {
    const rng = new Prng(99);
    for (const crypt of [new PacketCrypt(keyFromAuthBuildAndMessage()), new PacketCrypt(keyFromSessionKey(rng.bytes(16)))]) {
      for (const length of [1000, 4096, 65535]) {
        const plain = rng.bytes(length);
        const cipher = crypt.encrypt(plain);
        expect(cipher.equals(plain)).toBe(false);
        expect(crypt.decrypt(cipher).equals(plain)).toBe(true);
      }
    }
  });

  it("work in place on a sub-range and are stateless per buffer", () => {
    const crypt = new PacketCrypt(AUTH_KEY);
    const framed = Buffer.concat([Buffer.from("aaaa", "hex"), hello, Buffer.from("bb", "hex")]);
    crypt.encryptInPlace(framed, 2, 2 + hello.length);
    expect(framed.subarray(2, 2 + hello.length).toString("hex")).toBe(VECTORS.encAuthHello);
    expect(framed[0]).toBe(0xaa);
    expect(framed[framed.length - 1]).toBe(0xbb);
    // same input twice, same output: the register restarts for every buffer
    expect(crypt.encrypt(hello).toString("hex")).toBe(VECTORS.encAuthHello);
  });

  it("touch only the view given, also inside a larger ArrayBuffer, and refuse a range outside it", () => {
    const crypt = new PacketCrypt(AUTH_KEY);
    // A view in the middle of a shared ArrayBuffer, as Node's allocation pool hands them out.
    const backing = new Uint8Array(64).fill(0xcc);
    const view = new Uint8Array(backing.buffer, 13, hello.length + 4);
    view.set(hello, 2);
    crypt.encryptInPlace(view, 2, 2 + hello.length);
    expect(Buffer.from(view.subarray(2, 2 + hello.length)).toString("hex")).toBe(VECTORS.encAuthHello);
    expect([...backing.subarray(0, 15)].every((b) => b === 0xcc)).toBe(true);
    expect([...backing.subarray(13 + 2 + hello.length)].every((b) => b === 0xcc)).toBe(true);
    crypt.decryptInPlace(view, 2, 2 + hello.length);
    expect(Buffer.from(view.subarray(2, 2 + hello.length)).equals(hello)).toBe(true);
    expect(() => crypt.encryptInPlace(view, 0, view.length + 1)).toThrow(ProtocolError);
    expect(() => crypt.decryptInPlace(view, -1)).toThrow(ProtocolError);
    expect([...backing.subarray(13 + view.length)].every((b) => b === 0xcc)).toBe(true);
  });

  it("encrypt through a DataView the caller keeps over the whole buffer, the same bytes, and refuse a view of other memory", () => {
    const crypt = new PacketCrypt(AUTH_KEY);
    const backing = new Uint8Array(64).fill(0xcc);
    const slab = new Uint8Array(backing.buffer, 13, hello.length + 4);
    slab.set(hello, 2);
    crypt.encryptInPlace(slab, 2, 2 + hello.length, new DataView(backing.buffer));
    expect(Buffer.from(slab.subarray(2, 2 + hello.length)).toString("hex")).toBe(VECTORS.encAuthHello);
    expect([...backing.subarray(0, 15)].every((b) => b === 0xcc)).toBe(true);
    const before = Buffer.from(backing);
    for (const other of [new DataView(new ArrayBuffer(64)), new DataView(backing.buffer, 8), new DataView(backing.buffer, 0, 32)]) {
      expect(() => crypt.encryptInPlace(slab, 2, 2 + hello.length, other)).toThrow(ProtocolError);
    }
    expect(Buffer.from(backing).equals(before)).toBe(true);
  });

  it("encrypts a CipherTarget, checked once when made, to the same bytes, and refuses a view of other memory or a range outside it", () => {
    const crypt = new PacketCrypt(AUTH_KEY);
    const backing = Buffer.alloc(64, 0xcc);
    const slab = backing.subarray(13, 13 + hello.length + 4);
    slab.set(hello, 2);
    const target = new CipherTarget(slab, new DataView(backing.buffer, 0, backing.buffer.byteLength));
    expect(target.base).toBe(slab.byteOffset);
    crypt.encryptTarget(target, 2, 2 + hello.length);
    expect(Buffer.from(slab.subarray(2, 2 + hello.length)).toString("hex")).toBe(VECTORS.encAuthHello);
    expect(new CipherTarget(slab).view.buffer).toBe(slab.buffer);
    const before = Buffer.from(backing);
    const whole = backing.buffer.byteLength;
    for (const other of [new DataView(new ArrayBuffer(whole)), new DataView(backing.buffer, 8), new DataView(backing.buffer, 0, 32)]) {
      expect(() => new CipherTarget(slab, other)).toThrow(ProtocolError);
    }
    expect(() => crypt.encryptTarget(target, 0, slab.length + 1)).toThrow(ProtocolError);
    expect(() => crypt.encryptTarget(target, -1, 2)).toThrow(ProtocolError);
    expect(() => crypt.encryptTarget(target, 3, 2)).toThrow(ProtocolError);
    expect(Buffer.from(backing).equals(before)).toBe(true);
    expect(Object.isFrozen(target)).toBe(true);
  });
});
