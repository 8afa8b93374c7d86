import { ProtocolError } from "./errors";
import { PACKETS, type PacketsByName } from "./opcodes";
import type { AnyPacketDef, DecodeOptions, Direction, PacketValue } from "./schema/packet";

type ClientNames = { [K in keyof PacketsByName]: PacketsByName[K]["direction"] extends "client" ? K : never }[keyof PacketsByName];
type ServerNames = { [K in keyof PacketsByName]: PacketsByName[K]["direction"] extends "server" ? K : never }[keyof PacketsByName];

function bySender<D extends Direction>(direction: D): Record<string, AnyPacketDef> {
  return Object.fromEntries((Object.values(PACKETS) as AnyPacketDef[]).filter((def) => def.direction === direction).map((def) => [def.name, def]));
}

/**
 * Every packet the client sends, by name, derived from the packet modules. A world handler map
 * keyed by these names is complete when it type-checks.
 */
export const clientPackets = bySender("client") as { readonly [K in ClientNames]: PacketsByName[K] };

/** Every packet the server sends, by name, derived from the packet modules. */
export const serverPackets = bySender("server") as { readonly [K in ServerNames]: PacketsByName[K] };

/** Names of client packets. */
export type ClientPacketName = keyof typeof clientPackets;
/** Names of server packets. */
export type ServerPacketName = keyof typeof serverPackets;
/** Value type of each client packet, by name. */
export type ClientPacketValues = { [K in ClientPacketName]: PacketValue<(typeof clientPackets)[K]> };
/** Value type of each server packet, by name. */
export type ServerPacketValues = { [K in ServerPacketName]: PacketValue<(typeof serverPackets)[K]> };
/** A client packet definition. */
export type ClientPacketDef = (typeof clientPackets)[ClientPacketName];
/** A server packet definition. */
export type ServerPacketDef = (typeof serverPackets)[ServerPacketName];

/** The definitions sent by one side. */
export type PacketDefOf<D extends Direction> = D extends "client" ? ClientPacketDef : ServerPacketDef;

/** A decoded packet: a union discriminated by `name`, so `switch (packet.name)` narrows `value`. */
export type DecodedPacket<D extends Direction> = D extends "client"
  ? {
      [K in ClientPacketName]: { readonly name: K; readonly opcode: (typeof clientPackets)[K]["opcode"]; readonly value: ClientPacketValues[K] };
    }[ClientPacketName]
  : {
      [K in ServerPacketName]: { readonly name: K; readonly opcode: (typeof serverPackets)[K]["opcode"]; readonly value: ServerPacketValues[K] };
    }[ServerPacketName];

function byOpcode(defs: Readonly<Record<string, AnyPacketDef>>): ReadonlyMap<number, AnyPacketDef> {
  const map = new Map<number, AnyPacketDef>();
  for (const def of Object.values(defs)) map.set(def.opcode, def);
  return map;
}

const clientByOpcode = byOpcode(clientPackets);
const serverByOpcode = byOpcode(serverPackets);

/** The packet a side sends with `opcode`, or `undefined`. */
export function packetByOpcode<D extends Direction>(direction: D, opcode: number): PacketDefOf<D> | undefined {
  return (direction === "client" ? clientByOpcode : serverByOpcode).get(opcode) as PacketDefOf<D> | undefined;
}

/**
 * Decodes a bare packet body (no frame, no wrapper) sent by `direction` with `opcode`.
 * @throws ProtocolError `UNKNOWN_OPCODE` if that side sends no such packet, or any decode error of
 * the packet (always with the opcode and bit offset).
 */
export function decodePacketBody<D extends Direction>(direction: D, opcode: number, body: Uint8Array, options?: DecodeOptions): DecodedPacket<D> {
  const def = packetByOpcode(direction, opcode);
  if (def === undefined) throw unknownOpcode(direction, opcode);
  const value = (def as AnyPacketDef).decode(body, options);
  return { name: def.name, opcode: def.opcode, value } as DecodedPacket<D>;
}

/** The `UNKNOWN_OPCODE` error for an opcode `direction` does not send. */
export function unknownOpcode(direction: Direction, opcode: number): ProtocolError {
  return new ProtocolError("UNKNOWN_OPCODE", `no ${direction} packet has opcode 0x${opcode.toString(16).padStart(4, "0")}`, { opcode, bitOffset: 0 });
}
