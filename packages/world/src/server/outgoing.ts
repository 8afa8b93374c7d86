import { encodePacket, type EncodedPacket, type PacketValue, type ServerPacketDef } from "@bezgelor/protocol";

/**
 * A server packet for one or many sessions (a zone's chat line, a title shown to the zone). It is
 * encoded once, by the first session it is delivered to; every session then only frames and
 * encrypts those bytes with its own key (`PacketChannel.seal`).
 */
export class OutgoingPacket {
  private encoded: EncodedPacket | undefined;

  constructor(
    readonly def: ServerPacketDef,
    readonly value: unknown,
  ) {}

  /**
   * The packet's bytes, encoded on the first call and shared after.
   * @throws ProtocolError `ENCODE_FAILED` when the value does not fit the packet (on every call).
   */
  encode(): EncodedPacket {
    return (this.encoded ??= encodePacket(this.def, this.value as never));
  }
}

/** Pairs a server packet definition with a value of its type. */
export function packet<D extends ServerPacketDef>(def: D, value: PacketValue<D>): OutgoingPacket {
  return new OutgoingPacket(def, value);
}
