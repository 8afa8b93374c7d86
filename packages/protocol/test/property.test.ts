import { describe, expect, it } from "vitest";
import { PacketChannel, clientPackets, serverPackets, t, type AnyPacketDef, type Codec } from "../src/index";
import { BitReader } from "../src/bits/reader";
import { BitWriter } from "../src/bits/writer";
import { arbitrary } from "./support/arbitrary";
import { Prng } from "./support/prng";

const ROUNDS = 150;

describe("round trip of random values", () => {
  for (const [side, table] of [
    ["client", clientPackets],
    ["server", serverPackets],
  ] as const) {
    for (const def of Object.values(table) as AnyPacketDef[]) {
      it(`${def.name}: decode(encode(v)) equals v and re-encodes to the same bytes`, () => {
        const rng = new Prng(def.opcode * 7919 + (side === "client" ? 1 : 2));
        for (let i = 0; i < ROUNDS; i++) {
          const value = arbitrary(rng, def.codec);
          const body = def.encode(value as never);
          const decoded = def.decode(body);
          expect(decoded).toEqual(value);
          expect(def.encode(decoded).equals(body)).toBe(true);
        }
      });
    }
  }
});

describe("round trip through a channel pair, with encryption and rekeying", () => {
  it("carries random packets of every kind both ways, split into random chunks", () => {
    const rng = new Prng(42);
    const server = new PacketChannel({ role: "server", maxFrameSize: 1 << 20 });
    const client = new PacketChannel({ role: "client", maxFrameSize: 1 << 20 });
    const clientDefs = Object.values(clientPackets) as AnyPacketDef[];
    const serverDefs = Object.values(serverPackets) as AnyPacketDef[];
    for (let round = 0; round < 40; round++) {
      if (round % 10 === 9) {
        const sessionKey = rng.bytes(16);
        server.rekey(sessionKey);
        client.rekey(sessionKey);
      }
      const upDefs = Array.from({ length: 5 }, () => rng.pick(clientDefs));
      const upValues = upDefs.map((def) => arbitrary(rng, def.codec as Codec<unknown>));
      const wraps = upDefs.map(() => rng.pick(["encrypted", "encrypted", "packed", "raw"] as const));
      const up = Buffer.concat(upDefs.map((def, i) => client.encode(def as never, upValues[i] as never, { wrap: wraps[i]! })));
      const received = [];
      for (let at = 0; at < up.length;) {
        const next = Math.min(up.length, at + rng.between(1, 64));
        received.push(...server.push(up.subarray(at, next)));
        at = next;
      }
      expect(received.map((p) => p.name)).toEqual(upDefs.map((d) => d.name));
      expect(received.map((p) => p.via)).toEqual(wraps);
      expect(received.map((p) => p.value)).toEqual(upValues);

      const downDefs = Array.from({ length: 5 }, () => rng.pick(serverDefs));
      const downValues = downDefs.map((def) => arbitrary(rng, def.codec as Codec<unknown>));
      const down = Buffer.concat(downDefs.map((def, i) => server.encode(def as never, downValues[i] as never)));
      const got = client.push(down);
      expect(got.map((p) => p.name)).toEqual(downDefs.map((d) => d.name));
      expect(got.map((p) => p.value)).toEqual(downValues);
    }
  });
});

describe("round trip of every field kind at random bit offsets", () => {
  const kinds: Codec<unknown>[] = [
    t.bool,
    t.uint(1),
    t.uint(13),
    t.uint(32),
    t.uint(53),
    t.int(5),
    t.int(32),
    t.int(53),
    t.bigUint(1),
    t.bigUint(33),
    t.u64,
    t.i64,
    t.f32,
    t.f64,
    t.bytes(0),
    t.bytes(5),
    t.wstring({ max: 200 }),
    t.array(t.uint(3), t.uint(9)),
    t.fixedArray(3, t.int(7)),
    t.columns(t.uint(4), { a: t.uint(3), b: t.f32 }),
    t.union({ key: "kind", tag: t.uint(2), shared: { s: t.bool }, variants: { 0: {}, 2: { x: t.u16 } } }),
  ];

  it("reads back what was written, whatever precedes it", () => {
    const rng = new Prng(2024);
    for (let round = 0; round < 400; round++) {
      const writer = new BitWriter(1);
      const lead = rng.below(8);
      writer.uint(0, lead || 1);
      const picked = Array.from({ length: rng.between(1, 12) }, () => rng.pick(kinds));
      const values = picked.map((codec) => arbitrary(rng, codec));
      picked.forEach((codec, i) => codec.write(writer, values[i]));
      const reader = new BitReader(writer.finish());
      reader.uint(lead || 1);
      for (let i = 0; i < picked.length; i++) expect(picked[i]!.read(reader)).toEqual(values[i]);
      expect(reader.remainingBits).toBeLessThan(8);
    }
  });
});
