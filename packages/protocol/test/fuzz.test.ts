import { describe, expect, it } from "vitest";
import {
  FrameAssembler,
  Opcode,
  PacketChannel,
  PacketCrypt,
  ProtocolError,
  clientPackets,
  encodeFrame,
  keyFromAuthBuildAndMessage,
  serverPackets,
  type AnyPacketDef,
  type ProtocolErrorCode,
  type Role,
} from "../src/index";
import { arbitrary } from "./support/arbitrary";
import { Prng } from "./support/prng";

const FRAMES = 120_000;
const crypt = new PacketCrypt(keyFromAuthBuildAndMessage());

/** Plaintext [u16 opcode][body] of random valid packets a side sends. */
function plaintexts(rng: Prng, defs: AnyPacketDef[], count: number): Buffer[] {
  return Array.from({ length: count }, () => {
    const def = rng.pick(defs);
    const body = def.encode(arbitrary(rng, def.codec) as never);
    const out = Buffer.alloc(2 + body.length);
    out.writeUInt16LE(def.opcode, 0);
    body.copy(out, 2);
    return out;
  });
}

function mutate(rng: Prng, input: Buffer): Buffer {
  let out = Buffer.from(input);
  const edits = rng.between(1, 4);
  for (let e = 0; e < edits; e++) {
    switch (rng.below(12)) {
      case 0: // flip a bit
        if (out.length > 0) out[rng.below(out.length)]! ^= 1 << rng.below(8);
        break;
      case 1: // random byte
        if (out.length > 0) out[rng.below(out.length)] = rng.below(256);
        break;
      case 2: // truncate
        out = out.subarray(0, rng.below(out.length + 1));
        break;
      case 3: // append junk
        out = Buffer.concat([out, rng.bytes(rng.between(1, 8))]);
        break;
      case 4:
      case 5: // a count or length field maxed out somewhere
        if (out.length > 0) out.fill(0xff, rng.below(out.length), rng.below(out.length + 1));
        break;
      case 6: // change the inner opcode to a neighbour or anything
        if (out.length >= 2) out.writeUInt16LE(rng.chance(0.5) ? (out.readUInt16LE(0) + rng.between(-2, 2)) & 0xffff : rng.below(0x10000), 0);
        break;
      default: // flip a bit in the body only, keeping the opcode
        if (out.length > 2) out[2 + rng.below(out.length - 2)]! ^= 1 << rng.below(8);
    }
  }
  return out;
}

function wrap(wrapper: number, inner: Buffer, encrypt: boolean, badLength: boolean, rng: Prng): Buffer {
  const body = encrypt ? crypt.encrypt(inner) : inner;
  const payload = Buffer.alloc(4 + body.length);
  payload.writeUInt32LE(badLength ? rng.u32() : payload.length, 0);
  body.copy(payload, 4);
  return encodeFrame(wrapper, payload);
}

function frameFor(rng: Prng, role: Role, pool: Buffer[]): Buffer {
  const roll = rng.below(100);
  if (roll < 3) return rng.bytes(rng.between(0, 40)); // pure garbage, usually a bad size
  if (roll < 10) return encodeFrame(rng.below(0x10000), rng.bytes(rng.between(0, 60))); // random opcode, random payload
  const inner = mutate(rng, rng.pick(pool));
  if (roll < 25) {
    // raw frame: opcode from the plaintext, body after it
    return encodeFrame(inner.length >= 2 ? inner.readUInt16LE(0) : rng.below(0x10000), inner.subarray(2));
  }
  const wrapper = role === "server" ? (rng.chance(0.2) ? Opcode.ClientPacked : Opcode.ClientEncrypted) : Opcode.ServerRealmEncrypted;
  const frame = wrap(wrapper, inner, wrapper !== Opcode.ClientPacked, rng.chance(0.03), rng);
  // now and then corrupt the ciphertext or the frame header itself
  if (rng.chance(0.1)) return mutate(rng, frame);
  return frame;
}

describe("fuzz: random and mutated frames", () => {
  it(`only ever produce ProtocolError (${FRAMES} frames)`, () => {
    const rng = new Prng(0xf022);
    const pools = {
      server: plaintexts(rng, Object.values(clientPackets) as AnyPacketDef[], 1500),
      client: plaintexts(rng, Object.values(serverPackets) as AnyPacketDef[], 1500),
    };
    const outcomes = new Map<string, number>();
    const count = (key: string) => outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
    const channels: Record<Role, PacketChannel<Role>> = {
      server: new PacketChannel({ role: "server", maxFrameSize: 4096 }),
      client: new PacketChannel({ role: "client", maxFrameSize: 4096 }),
    };

    for (let i = 0; i < FRAMES; i++) {
      const role: Role = i % 2 === 0 ? "server" : "client";
      const bytes = frameFor(rng, role, pools[role]);
      const channel = channels[role];
      try {
        // deliver in 1..3 chunks to exercise reassembly too
        const cut = rng.below(bytes.length + 1);
        const frames = [...channel.frames(bytes.subarray(0, cut)), ...channel.frames(bytes.subarray(cut))];
        for (const frame of frames) {
          try {
            channel.decodeFrame(frame);
            count("decoded");
          } catch (error) {
            if (!(error instanceof ProtocolError)) throw error;
            expect(error.opcode).toBeTypeOf("number");
            expect(error.bitOffset).toBeTypeOf("number");
            count(error.code);
          }
        }
      } catch (error) {
        if (!(error instanceof ProtocolError)) throw error;
        count(error.code);
        // a framing error poisons the stream: start a new connection
        channels[role] = new PacketChannel({ role, maxFrameSize: 4096 });
      }
      // now and then a new connection, so garbage waiting for the rest of a frame does not swallow everything
      if (rng.chance(0.02)) channels[role] = new PacketChannel({ role, maxFrameSize: 4096 });
    }

    const seen = Object.fromEntries(outcomes);
    if (process.env["FUZZ_VERBOSE"]) console.log(seen);
    // every kind of outcome shows up, so the fuzzer reaches deep into the decoders
    for (const code of ["decoded", "DECODE_PAST_END", "UNKNOWN_OPCODE", "TRAILING_DATA", "BAD_ENCRYPTED_LENGTH", "FRAME_TOO_SMALL", "FRAME_TOO_LARGE"] as (
      ProtocolErrorCode | "decoded"
    )[]) {
      expect(seen[code] ?? 0, code).toBeGreaterThan(0);
    }
    expect((seen["STRING_TOO_LONG"] ?? 0) + (seen["ARRAY_TOO_LONG"] ?? 0) + (seen["UNKNOWN_VARIANT"] ?? 0)).toBeGreaterThan(0);
    // A fixed amount of work, not a speed check: on a machine shared with other jobs it can take
    // longer than vitest's 5 s default, which must not fail the run.
  }, 120_000);

  it("survives a raw byte stream cut into random chunks", () => {
    const rng = new Prng(7);
    for (let round = 0; round < 2000; round++) {
      const assembler = new FrameAssembler({ maxFrameSize: 1024 });
      const stream = rng.bytes(rng.between(0, 300));
      try {
        for (let at = 0; at < stream.length;) {
          const next = Math.min(stream.length, at + rng.between(1, 50));
          assembler.push(stream.subarray(at, next));
          at = next;
        }
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError);
      }
    }
  });
});
