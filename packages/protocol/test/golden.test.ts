import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  PacketChannel,
  ProtocolError,
  clientPackets,
  decodePacketBody,
  keyFromAuthBuildAndMessage,
  keyFromSessionKey,
  serverPackets,
  type AnyPacketDef,
  type Direction,
  type Wrapper,
} from "../src/index";
import { fromJson } from "./support/json-values";

interface ValidEntry {
  packet: string;
  note: string;
  hex: string;
  value: unknown;
}
interface InvalidEntry {
  packet?: string;
  direction?: Direction;
  opcode?: number;
  note: string;
  hex: string;
  code: string;
  bitOffset: number;
}
interface FrameEntry {
  sender: "client" | "server";
  key: string;
  packet: string;
  note: string;
  /** Wrappers from the outside in; one `encrypted` when absent. */
  wrappers?: Wrapper[];
  hex: string;
  value: unknown;
}
interface InvalidFrameEntry {
  sender: "client" | "server";
  key: string;
  note: string;
  hex: string;
  code: string;
  opcode: number;
}
const corpus = JSON.parse(readFileSync(new URL("./fixtures/golden.json", import.meta.url), "utf8")) as {
  valid: ValidEntry[];
  invalid: InvalidEntry[];
  frames: FrameEntry[];
  invalidFrames: InvalidFrameEntry[];
};

const all: Record<string, AnyPacketDef> = { ...clientPackets, ...serverPackets };
const defOf = (name: string): AnyPacketDef => {
  const def = all[name];
  if (def === undefined) throw new Error(`unknown packet ${name}`);
  return def;
};

describe("golden corpus: valid bodies", () => {
  it("covers every packet", () => {
    expect(new Set(corpus.valid.map((e) => e.packet))).toEqual(new Set(Object.keys(all)));
  });

  for (const entry of corpus.valid) {
    it(`${entry.packet}${entry.note ? ` (${entry.note})` : ""}: decode, compare, re-encode byte for byte`, () => {
      const def = defOf(entry.packet);
      const body = Buffer.from(entry.hex, "hex");
      const decoded = def.decode(body);
      expect(decoded).toEqual(fromJson(entry.value));
      expect(def.encode(decoded).toString("hex")).toBe(entry.hex);
      expect(def.encode(fromJson(entry.value) as never).toString("hex")).toBe(entry.hex);
      const byOpcode = decodePacketBody(def.direction, def.opcode, body);
      expect(byOpcode.name).toBe(entry.packet);
    });
  }
});

describe("golden corpus: invalid bodies", () => {
  for (const entry of corpus.invalid) {
    it(`${entry.packet ?? `opcode 0x${entry.opcode?.toString(16)}`}: ${entry.note} -> ${entry.code} at bit ${entry.bitOffset}`, () => {
      const body = Buffer.from(entry.hex, "hex");
      const def = entry.packet === undefined ? undefined : defOf(entry.packet);
      const direction = def?.direction ?? entry.direction!;
      const opcode = def?.opcode ?? entry.opcode!;
      let error: unknown;
      try {
        decodePacketBody(direction, opcode, body);
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ProtocolError);
      const protocolError = error as ProtocolError;
      expect(protocolError.code).toBe(entry.code);
      expect(protocolError.bitOffset).toBe(entry.bitOffset);
      expect(protocolError.opcode).toBe(opcode);
    });
  }
});

const channelFor = (role: "client" | "server", key: string) => {
  const channel = new PacketChannel({ role });
  channel.setKey(key === "auth" ? keyFromAuthBuildAndMessage() : keyFromSessionKey(Buffer.from(key, "hex")));
  return channel;
};

describe("golden corpus: whole encrypted frames", () => {
  for (const entry of corpus.frames) {
    it(`${entry.packet}: ${entry.note}`, () => {
      const receiver = channelFor(entry.sender === "server" ? "client" : "server", entry.key);
      const packets = receiver.push(Buffer.from(entry.hex, "hex"));
      expect(packets).toHaveLength(1);
      expect(packets[0]!.name).toBe(entry.packet);
      const wrappers = entry.wrappers ?? ["encrypted"];
      expect(packets[0]!.via).toBe(wrappers[0]);
      expect(packets[0]!.wrappers).toEqual(wrappers);
      expect(packets[0]!.value).toEqual(fromJson(entry.value));
      const sender = channelFor(entry.sender, entry.key);
      const again = sender.encode(defOf(entry.packet) as never, packets[0]!.value as never, { wrap: wrappers });
      expect(again.toString("hex")).toBe(entry.hex);
    });
  }

  it("include nested wrappers", () => {
    expect(corpus.frames.filter((e) => (e.wrappers?.length ?? 1) > 1).length).toBeGreaterThanOrEqual(2);
  });
});

describe("golden corpus: invalid frames", () => {
  for (const entry of corpus.invalidFrames) {
    it(`${entry.note} -> ${entry.code}`, () => {
      const receiver = channelFor(entry.sender === "server" ? "client" : "server", entry.key);
      let error: unknown;
      try {
        receiver.push(Buffer.from(entry.hex, "hex"));
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as ProtocolError).code).toBe(entry.code);
      expect((error as ProtocolError).opcode).toBe(entry.opcode);
    });
  }
});
