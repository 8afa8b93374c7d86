import type { PacketValue, ServerPacketDef } from "@bezgelor/protocol";

/** A server packet not yet encoded: each session encrypts with its own key. */
export interface OutgoingPacket {
  readonly def: ServerPacketDef;
  readonly value: unknown;
}

/** Pairs a server packet definition with a value of its type. */
export function packet<D extends ServerPacketDef>(def: D, value: PacketValue<D>): OutgoingPacket {
  return { def, value };
}
