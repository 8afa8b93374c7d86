import { describe, expect, it } from "vitest";
import { MAX_WRAPPER_DEPTH, PacketChannel, encodePacket, sealedSize } from "./channel";
import { CipherTarget, keyFromAuthBuildAndMessage, keyFromSessionKey, PacketCrypt, plainWords } from "./crypto";
import { ProtocolError } from "./errors";
import { encodeFrame } from "./framing";
import { Opcode } from "./opcodes";
import {
  ClientCharacterCreate,
  ClientCharacterList,
  ClientHelloRealm,
  ClientPing,
  ClientTitleSet,
  ServerHello,
  ServerRequestResult,
  ServerTitleSet,
  ServerVendorItems,
} from "./packets/index";

const sessionKey = Buffer.from("00112233445566778899aabbccddeeff", "hex");
const hello = {
  authVersion: 16042,
  realmId: 1,
  realmGroupId: 21,
  realmGroupEnum: 0,
  startupTime: 0n,
  listenPort: 24000,
  connectionType: 11,
  authMessage: 0x97998a0,
  processId: 1,
  processCreationTime: 0n,
  unknown30: 0,
};

function caught(fn: () => unknown): ProtocolError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ProtocolError) return error;
    throw error;
  }
  throw new Error("expected a ProtocolError");
}

/** Wraps an already built plaintext [opcode + body] the way a peer would. */
function wrapped(wrapper: number, plain: Buffer, crypt?: PacketCrypt): Buffer {
  const inner = crypt === undefined ? plain : crypt.encrypt(plain);
  const payload = Buffer.alloc(4 + inner.length);
  payload.writeUInt32LE(payload.length, 0);
  inner.copy(payload, 4);
  return encodeFrame(wrapper, payload);
}

describe("PacketChannel login handoff", () => {
  it("runs hello, hello-realm, rekey, character list", () => {
    const server = new PacketChannel({ role: "server" });
    const client = new PacketChannel({ role: "client" });

    const [serverHello] = client.push(server.encode(ServerHello, hello));
    expect(serverHello).toMatchObject({ name: "ServerHello", opcode: 0x0003, via: "encrypted", value: hello });

    const helloRealm = client.encode(ClientHelloRealm, { accountId: 7, sessionKey, unused: 0n, email: "a@b.c", always3: 3 });
    client.rekey(sessionKey); // the client switches right after sending its hello
    const [received] = server.push(helloRealm);
    expect(received?.name).toBe("ClientHelloRealm");
    if (received?.name !== "ClientHelloRealm") throw new Error("narrowing");
    expect(received.value.email).toBe("a@b.c"); // `value` is typed by `name`
    server.rekey(received.value.sessionKey);

    expect(server.push(client.encode(ClientCharacterList, {}))).toEqual([
      { name: "ClientCharacterList", opcode: 0x07e0, value: {}, via: "encrypted", wrappers: ["encrypted"] },
    ]);
    expect(client.push(server.encode(ServerTitleSet, { unitId: 1, titleId: 2 }))[0]?.value).toEqual({ unitId: 1, titleId: 2 });
  });

  it("lets a server rekey between two frames of one chunk", () => {
    const server = new PacketChannel({ role: "server" });
    const client = new PacketChannel({ role: "client" });
    const first = client.encode(ClientHelloRealm, { accountId: 7, sessionKey, unused: 0n, email: "x", always3: 3 });
    client.rekey(sessionKey);
    const chunk = Buffer.concat([first, client.encode(ClientPing, {})]);
    const frames = server.frames(chunk);
    expect(frames).toHaveLength(2);
    expect(server.decodeFrame(frames[0]!).name).toBe("ClientHelloRealm");
    server.rekey(sessionKey);
    expect(server.decodeFrame(frames[1]!).name).toBe("ClientPing");
  });

  it("fails with a ProtocolError when the keys disagree", () => {
    const server = new PacketChannel({ role: "server" });
    const client = new PacketChannel({ role: "client" });
    client.rekey(sessionKey);
    expect(() => server.push(client.encode(ClientTitleSet, { titleId: 5 }))).toThrow(ProtocolError);
  });
});

describe("PacketChannel wrappers", () => {
  const plain = (opcode: number, body: string) => Buffer.concat([Buffer.from([opcode & 0xff, opcode >> 8]), Buffer.from(body, "hex")]);

  it("accepts ClientPacked (unencrypted inner) and raw frames on the server, and says which", () => {
    const server = new PacketChannel({ role: "server" });
    expect(server.push(wrapped(Opcode.ClientPacked, plain(Opcode.ClientTitleSet, "6500")))[0]).toMatchObject({
      name: "ClientTitleSet",
      value: { titleId: 101 },
      via: "packed",
    });
    expect(server.push(encodeFrame(Opcode.ClientTitleSet, Buffer.from("6500", "hex")))[0]).toMatchObject({ name: "ClientTitleSet", via: "raw" });
  });

  it("decrypts ClientEncrypted with the build key by default", () => {
    const server = new PacketChannel({ role: "server" });
    const frame = wrapped(Opcode.ClientEncrypted, plain(Opcode.ClientTitleSet, "6500"), new PacketCrypt(keyFromAuthBuildAndMessage()));
    expect(server.push(frame)[0]).toMatchObject({ name: "ClientTitleSet", value: { titleId: 101 }, via: "encrypted" });
  });

  it("reports an unknown inner opcode with the opcode, leaving the channel usable", () => {
    const server = new PacketChannel({ role: "server" });
    const crypt = new PacketCrypt(keyFromAuthBuildAndMessage());
    const error = caught(() => server.push(wrapped(Opcode.ClientEncrypted, plain(0x0300, "00"), crypt)));
    expect(error.code).toBe("UNKNOWN_OPCODE");
    expect(error.opcode).toBe(0x0300);
    expect(server.push(wrapped(Opcode.ClientEncrypted, plain(Opcode.ClientPing, ""), crypt))[0]?.name).toBe("ClientPing");
  });

  it("refuses a wrapper whose length disagrees with its payload", () => {
    const server = new PacketChannel({ role: "server" });
    const good = wrapped(Opcode.ClientPacked, plain(Opcode.ClientPing, ""));
    const bad = Buffer.from(good);
    bad.writeUInt32LE(7, 6);
    expect(caught(() => server.push(bad))).toMatchObject({ code: "BAD_ENCRYPTED_LENGTH", opcode: Opcode.ClientPacked, bitOffset: 0 });
    expect(caught(() => server.push(encodeFrame(Opcode.ClientEncrypted, Buffer.from("0300", "hex")))).code).toBe("BAD_ENCRYPTED_LENGTH");
    expect(caught(() => server.push(wrapped(Opcode.ClientPacked, Buffer.from("41", "hex")))).code).toBe("DECODE_PAST_END");
  });

  it("stamps body errors with the inner opcode and the bit offset in the body", () => {
    const server = new PacketChannel({ role: "server" });
    expect(caught(() => server.push(wrapped(Opcode.ClientPacked, plain(Opcode.ClientTitleSet, "65"))))).toMatchObject({
      code: "DECODE_PAST_END",
      opcode: Opcode.ClientTitleSet,
      bitOffset: 0,
    });
    expect(caught(() => server.push(wrapped(Opcode.ClientPacked, plain(Opcode.ClientTitleSet, "650000"))))).toMatchObject({
      code: "TRAILING_DATA",
      opcode: Opcode.ClientTitleSet,
      bitOffset: 14,
    });
    const lenient = new PacketChannel({ role: "server", trailing: "ignore" });
    expect(lenient.push(wrapped(Opcode.ClientPacked, plain(Opcode.ClientTitleSet, "650000")))[0]?.value).toEqual({ titleId: 101 });
  });

  it("treats the other side's wrapper as an unknown opcode", () => {
    const client = new PacketChannel({ role: "client" });
    expect(caught(() => client.push(wrapped(Opcode.ClientPacked, plain(Opcode.ServerTitleSet, "")))).code).toBe("UNKNOWN_OPCODE");
  });

  it("encodes only its own side's packets, and packed only for a client; every failure is ENCODE_FAILED", () => {
    const server = new PacketChannel({ role: "server" });
    const client = new PacketChannel({ role: "client" });
    expect(caught(() => server.encode(ClientPing as never, {} as never)).code).toBe("ENCODE_FAILED");
    expect(caught(() => server.encode(ServerTitleSet, { unitId: 1, titleId: 1 }, { wrap: "packed" })).code).toBe("ENCODE_FAILED");
    const tooWide = caught(() => client.encode(ClientTitleSet, { titleId: 1 << 14 }));
    expect(tooWide).toMatchObject({ code: "ENCODE_FAILED", opcode: Opcode.ClientTitleSet, bitOffset: 0 });
    expect(tooWide.cause).toMatchObject({ code: "VALUE_OUT_OF_RANGE" });
    expect(tooWide.message).toContain("ClientTitleSet");
    const tooLong = caught(() => server.encode(ServerRequestResult, { requestOpcode: 1, code: 2, message: "x".repeat(1025) }));
    expect(tooLong).toMatchObject({ code: "ENCODE_FAILED", opcode: Opcode.ServerRequestResult, bitOffset: 32 });
    expect(tooLong.cause).toMatchObject({ code: "STRING_TOO_LONG" });
    expect(
      caught(() => ServerVendorItems.encode({ vendorId: 1, discountPercent: 0, items: [{ stockUniqueId: 1, itemId: 1, basePrice: 2n ** 64n, price: 1n }] })),
    ).toMatchObject({
      code: "ENCODE_FAILED",
      opcode: Opcode.ServerVendorItems,
    });
    expect(client.encode(ClientTitleSet, { titleId: 101 }, { wrap: "raw" }).toString("hex")).toBe("080000008e076500");
  });

  it("seals into a connection's outgoing buffer at any offset, byte for byte what seal gives, and refuses a frame that does not fit", () => {
    const value = { unitId: 77, titleId: 1234 };
    const encoded = encodePacket(ServerTitleSet, value);
    const size = sealedSize(encoded);
    const sealer = new PacketChannel({ role: "server" });
    const reference = new PacketChannel({ role: "server" });
    sealer.rekey(sessionKey);
    reference.rekey(sessionKey);
    const out = Buffer.alloc(3 + 2 * size + 5, 0xee);
    const target = new CipherTarget(out);
    expect(sealer.sealInto(encoded, target, 3)).toBe(3 + size);
    expect(sealer.sealInto(encoded, target, 3 + size)).toBe(3 + 2 * size);
    const expected = reference.seal(encoded);
    // Independently: the headers in the clear, then the inner bytes through the plain in-place encryption.
    const inner = Buffer.from(encoded.inner);
    new PacketCrypt(keyFromSessionKey(sessionKey)).encryptInPlace(inner);
    expect(expected.equals(Buffer.concat([encoded.frame.subarray(0, size - inner.length), inner]))).toBe(true);
    expect(out.subarray(3, 3 + size).equals(expected)).toBe(true);
    expect(out.subarray(3 + size, 3 + 2 * size).equals(expected)).toBe(true);
    // the bytes around the frames are untouched
    expect([...out.subarray(0, 3), ...out.subarray(3 + 2 * size)]).toEqual(Array(8).fill(0xee));
    const before = Buffer.from(out);
    expect(caught(() => sealer.sealInto(encoded, target, out.length - size + 1)).code).toBe("INVALID_ARGUMENT");
    expect(caught(() => sealer.sealInto(encoded, target, -1)).code).toBe("INVALID_ARGUMENT");
    expect(out.equals(before)).toBe(true);
  });

  it("encodes through a sink into a connection's outgoing buffer, byte for byte what encode gives; a failure calls no sink", () => {
    const through = new PacketChannel({ role: "server" });
    const reference = new PacketChannel({ role: "server" });
    through.rekey(sessionKey);
    reference.rekey(sessionKey);
    const out = Buffer.alloc(200, 0xee);
    const target = new CipherTarget(out);
    let at = 3;
    const sink = (size: number, fill: (target: CipherTarget, offset: number) => void) => {
      fill(target, at);
      at += size;
    };
    through.encodeThrough(ServerTitleSet, { unitId: 77, titleId: 1234 }, sink);
    through.encodeThrough(ServerRequestResult, { requestOpcode: 1, code: 2, message: "no" }, sink);
    const expected = Buffer.concat([
      reference.encode(ServerTitleSet, { unitId: 77, titleId: 1234 }),
      reference.encode(ServerRequestResult, { requestOpcode: 1, code: 2, message: "no" }),
    ]);
    expect(out.subarray(3, at).equals(expected)).toBe(true);
    expect([...out.subarray(0, 3), ...out.subarray(at)].every((b) => b === 0xee)).toBe(true);
    let calls = 0;
    const counting = () => void (calls += 1);
    expect(caught(() => through.encodeThrough(ServerTitleSet, { unitId: 1, titleId: 1 << 20 }, counting)).code).toBe("ENCODE_FAILED");
    expect(caught(() => through.encodeThrough(ClientPing as never, {} as never, counting)).code).toBe("ENCODE_FAILED");
    expect(calls).toBe(0);
    const small = Buffer.alloc(8, 0xee);
    const tooSmall = (size: number, fill: (target: CipherTarget, offset: number) => void) => fill(new CipherTarget(small), 0);
    expect(caught(() => through.encodeThrough(ServerTitleSet, { unitId: 77, titleId: 1234 }, tooSmall)).code).toBe("INVALID_ARGUMENT");
    expect(small.every((b) => b === 0xee)).toBe(true);
  });

  it("encodes a long frame through a sink as encode does, and a sink may encode another packet through the same channel", () => {
    const through = new PacketChannel({ role: "server" });
    const reference = new PacketChannel({ role: "server" });
    const long = { requestOpcode: 1, code: 2, message: "x".repeat(100) };
    const out = Buffer.alloc(600);
    const target = new CipherTarget(out);
    let at = 0;
    const sink = (size: number, fill: (target: CipherTarget, offset: number) => void) => {
      const mine = at;
      at += size;
      // A nested packet goes first; the outer frame is still filled right afterwards.
      if (mine === 0) through.encodeThrough(ServerTitleSet, { unitId: 5, titleId: 6 }, sink);
      fill(target, mine);
    };
    through.encodeThrough(ServerRequestResult, long, sink);
    const outer = reference.encode(ServerRequestResult, long);
    const nested = reference.encode(ServerTitleSet, { unitId: 5, titleId: 6 });
    expect(out.subarray(0, outer.length).equals(outer)).toBe(true);
    expect(out.subarray(outer.length, at).equals(nested)).toBe(true);
  });

  it("refuses a fill kept and called after encodeThrough returned", () => {
    const through = new PacketChannel({ role: "server" });
    let kept: ((target: CipherTarget, offset: number) => void) | undefined;
    through.encodeThrough(ServerTitleSet, { unitId: 77, titleId: 1234 }, (_size, fill) => {
      kept = fill;
    });
    const out = Buffer.alloc(64, 0xee);
    expect(caught(() => kept!(new CipherTarget(out), 0)).code).toBe("INVALID_ARGUMENT");
    expect(out.every((b) => b === 0xee)).toBe(true);
  });

  it("keeps every encoded packet's words its own: thousands encoded in a row, then sealed, each decodes to its value", () => {
    const values = Array.from({ length: 3000 }, (_, i) => ({ unitId: i * 7919, titleId: i % 65536 }));
    const encoded = values.map((value) => encodePacket(ServerTitleSet, value));
    const server = new PacketChannel({ role: "server" });
    const client = new PacketChannel({ role: "client" });
    const frames = Buffer.concat(encoded.map((packet) => server.seal(packet)));
    expect(client.push(frames).map((packet) => packet.value)).toEqual(values);
    // the words are the inner bytes, zero-padded to whole 8-byte blocks
    for (const packet of encoded.slice(0, 10)) {
      expect(packet.words.length).toBe(((packet.inner.length + 7) >>> 3) << 1);
      expect([...packet.words]).toEqual([...plainWords(packet.inner)]);
    }
  });

  it("encodes a packet once and seals it per connection, each with its own key, byte for byte what encode gives", () => {
    const value = { unitId: 77, titleId: 1234 };
    const encoded = encodePacket(ServerTitleSet, value);
    expect(encoded).toMatchObject({ name: "ServerTitleSet", opcode: Opcode.ServerTitleSet, direction: "server" });
    expect(encoded.inner.readUInt16LE(0)).toBe(Opcode.ServerTitleSet);
    const before = Buffer.from(encoded.inner);
    const keys = [sessionKey, Buffer.alloc(16, 7), undefined];
    for (const key of keys) {
      const server = new PacketChannel({ role: "server" });
      const reference = new PacketChannel({ role: "server" });
      const client = new PacketChannel({ role: "client" });
      if (key) [server, reference, client].forEach((channel) => channel.rekey(key));
      const sealed = server.seal(encoded);
      expect(sealed.equals(reference.encode(ServerTitleSet, value))).toBe(true);
      expect(client.push(sealed)).toMatchObject([{ name: "ServerTitleSet", via: "encrypted", value }]);
    }
    // sealing copies: the encoded bytes stay as they were for the next receiver
    expect(encoded.inner.equals(before)).toBe(true);
    // the frame in the clear is what every receiver gets before its own encryption of `inner`:
    // the headers, which no key changes, and the inner bytes as its tail
    const sealed = new PacketChannel({ role: "server" }).seal(encoded);
    expect(encoded.frame.length).toBe(sealedSize(encoded));
    expect(encoded.frame.subarray(0, 10).equals(sealed.subarray(0, 10))).toBe(true);
    expect(encoded.frame.subarray(10).equals(encoded.inner)).toBe(true);
    // a client does not send server packets, and a bad value fails once, at encoding
    expect(caught(() => new PacketChannel({ role: "client" }).seal(encoded)).code).toBe("ENCODE_FAILED");
    expect(caught(() => encodePacket(ServerTitleSet, { unitId: -1, titleId: 1 }))).toMatchObject({
      code: "ENCODE_FAILED",
      opcode: Opcode.ServerTitleSet,
      bitOffset: 0,
    });
  });

  const creation = { characterCreationId: 33, name: "Kirra", path: 2, customisations: [{ label: 1, value: 10 }], bones: [0.5] };
  const packedWorld = (inner: Buffer) => {
    const payload = Buffer.alloc(1 + 4 + inner.length);
    payload.writeUInt8(19, 0); // u5 = 19, then byte alignment
    payload.writeUInt32LE(4 + inner.length, 1);
    inner.copy(payload, 5);
    return payload;
  };
  const framed = (opcode: number, payload: Buffer) => Buffer.concat([Buffer.from([opcode & 0xff, opcode >> 8]), payload]);
  const lengthPrefixed = (inner: Buffer) => Buffer.concat([Buffer.from([(inner.length + 4) & 0xff, (inner.length + 4) >> 8, 0, 0]), inner]);

  it("unwraps ClientCharacterCreate inside ClientPacked inside ClientEncrypted, as the genuine client sends it", () => {
    const server = new PacketChannel({ role: "server" });
    const crypt = new PacketCrypt(keyFromAuthBuildAndMessage());
    const body = ClientCharacterCreate.encode(creation);
    const packed = framed(Opcode.ClientPacked, lengthPrefixed(Buffer.concat([Buffer.from([0x5b, 0x02]), body])));
    const [packet] = server.push(wrapped(Opcode.ClientEncrypted, packed, crypt));
    expect(packet).toMatchObject({ name: "ClientCharacterCreate", value: creation, via: "encrypted", wrappers: ["encrypted", "packed"] });
    // the headless client builds the same bytes
    const client = new PacketChannel({ role: "client" });
    expect(client.encode(ClientCharacterCreate, creation, { wrap: ["encrypted", "packed"] }).equals(wrapped(Opcode.ClientEncrypted, packed, crypt))).toBe(true);
  });

  it("unwraps ClientPackedWorld (5 bits, byte alignment, length) inside ClientEncrypted and on its own", () => {
    const server = new PacketChannel({ role: "server" });
    const crypt = new PacketCrypt(keyFromAuthBuildAndMessage());
    const inner = plain(Opcode.ClientTitleSet, "6500");
    const [nested] = server.push(wrapped(Opcode.ClientEncrypted, framed(Opcode.ClientPackedWorld, packedWorld(inner)), crypt));
    expect(nested).toMatchObject({ name: "ClientTitleSet", value: { titleId: 101 }, via: "encrypted", wrappers: ["encrypted", "packedWorld"] });
    const [alone] = server.push(encodeFrame(Opcode.ClientPackedWorld, packedWorld(inner)));
    expect(alone).toMatchObject({ name: "ClientTitleSet", via: "packedWorld", wrappers: ["packedWorld"] });
    const client = new PacketChannel({ role: "client" });
    expect(server.push(client.encode(ClientTitleSet, { titleId: 7 }, { wrap: ["encrypted", "packedWorld"] }))[0]).toMatchObject({
      value: { titleId: 7 },
      wrappers: ["encrypted", "packedWorld"],
    });
    const bad = packedWorld(inner);
    bad.writeUInt32LE(99, 1);
    expect(caught(() => server.push(encodeFrame(Opcode.ClientPackedWorld, bad)))).toMatchObject({
      code: "BAD_ENCRYPTED_LENGTH",
      opcode: Opcode.ClientPackedWorld,
      bitOffset: 8,
    });
  });

  it("refuses wrappers nested deeper than the genuine client nests them, naming the reason", () => {
    const server = new PacketChannel({ role: "server" });
    const crypt = new PacketCrypt(keyFromAuthBuildAndMessage());
    const twice = framed(Opcode.ClientPacked, lengthPrefixed(framed(Opcode.ClientPacked, lengthPrefixed(plain(Opcode.ClientPing, "")))));
    const error = caught(() => server.push(wrapped(Opcode.ClientEncrypted, twice, crypt)));
    expect(error).toMatchObject({ code: "WRAPPER_TOO_DEEP", opcode: Opcode.ClientPacked });
    expect(error.message).toContain("at most 2");
    expect(MAX_WRAPPER_DEPTH).toBe(2);
    // two levels without encryption are within the bound
    expect(server.push(encodeFrame(Opcode.ClientPacked, twice.subarray(2)))[0]).toMatchObject({ name: "ClientPing", wrappers: ["packed", "packed"] });
    const client = new PacketChannel({ role: "client" });
    expect(caught(() => client.encode(ClientPing, {}, { wrap: ["encrypted", "packed", "packed"] })).code).toBe("ENCODE_FAILED");
  });

  it("enforces the maximum frame size", () => {
    const server = new PacketChannel({ role: "server", maxFrameSize: 64 });
    expect(caught(() => server.push(encodeFrame(Opcode.ClientPing, Buffer.alloc(100)))).code).toBe("FRAME_TOO_LARGE");
  });
});
