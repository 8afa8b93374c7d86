import { BitWriter } from "./bits/writer";
import { keyFromAuthBuildAndMessage, keyFromSessionKey, PacketCrypt } from "./crypto";
import { ProtocolError } from "./errors";
import { FRAME_HEADER_SIZE, FrameAssembler, type Frame } from "./framing";
import { Opcode } from "./opcodes";
import { packetByOpcode, unknownOpcode, type DecodedPacket, type PacketDefOf } from "./registry";
import type { AnyPacketDef, DecodeOptions, Direction, PacketValue } from "./schema/packet";

/** Which end of the connection a channel is. */
export type Role = "server" | "client";

/** Direction of the packets a role receives. */
export type IncomingDirection<R extends Role> = R extends "server" ? "client" : "server";
/** Direction of the packets a role sends. */
export type OutgoingDirection<R extends Role> = R extends "server" ? "server" : "client";

/**
 * How a packet travels: `encrypted` inside `ClientEncrypted`/`ServerRealmEncrypted` (the normal
 * case), `packed` inside `ClientPacked` (client only, not encrypted), or `raw` as its own frame.
 */
export type Wrapping = "encrypted" | "packed" | "raw";

/** A packet the channel received: the decoded packet plus how it was wrapped. */
export type ReceivedPacket<R extends Role> = DecodedPacket<IncomingDirection<R>> & { readonly via: Wrapping };

/** Options of a {@link PacketChannel}. */
export interface PacketChannelOptions<R extends Role> {
  readonly role: R;
  /** Upper bound on a frame's declared size; see {@link FrameAssembler}. */
  readonly maxFrameSize?: number;
  /** Starting key integer; defaults to the build 16042 / auth message key both sides start with. */
  readonly key?: bigint;
  /** What to do with whole bytes left after a body; default `error` (`TRAILING_DATA`). */
  readonly trailing?: DecodeOptions["trailing"];
}

const WRAPPER_HEADER = 4;

/**
 * One end of a world connection: framing, PacketCrypt and the packet registry together. A server
 * channel decodes client packets and encodes server packets; a client channel the reverse, so the
 * same class serves the world server and the headless client.
 *
 * Rekeying: the key changes between two packets (after `ClientHelloRealm` is accepted), so a side
 * that rekeys should take {@link frames} and decode each with {@link decodeFrame} just before
 * handling it; {@link push} decodes a whole chunk with the current key at once.
 */
export class PacketChannel<R extends Role> {
  readonly role: R;
  private readonly assembler: FrameAssembler;
  private readonly incoming: Direction;
  private readonly decodeOptions: DecodeOptions;
  private crypt: PacketCrypt;

  /** @throws ProtocolError `INVALID_ARGUMENT` for a bad `maxFrameSize` or key. */
  constructor(options: PacketChannelOptions<R>) {
    this.role = options.role;
    this.incoming = options.role === "server" ? "client" : "server";
    this.assembler = new FrameAssembler(options.maxFrameSize === undefined ? {} : { maxFrameSize: options.maxFrameSize });
    this.decodeOptions = { trailing: options.trailing ?? "error" };
    this.crypt = new PacketCrypt(options.key ?? keyFromAuthBuildAndMessage());
  }

  /**
   * Switches both directions to the key derived from the 16-byte session key.
   * @throws ProtocolError `INVALID_ARGUMENT` unless it is 16 bytes.
   */
  rekey(sessionKey: Uint8Array): void {
    this.crypt = new PacketCrypt(keyFromSessionKey(sessionKey));
  }

  /** Switches both directions to a key integer (tests, or a key derived elsewhere). */
  setKey(keyInteger: bigint): void {
    this.crypt = new PacketCrypt(keyInteger);
  }

  /**
   * Frames completed by `chunk`, not yet decoded.
   * @throws ProtocolError `FRAME_TOO_SMALL` / `FRAME_TOO_LARGE`; the connection cannot continue.
   */
  frames(chunk: Uint8Array): Frame[] {
    return this.assembler.push(chunk);
  }

  /**
   * Unwraps (decrypting with the current key) and decodes one frame.
   * @throws ProtocolError: `BAD_ENCRYPTED_LENGTH` for a wrapper whose length disagrees with its
   * payload, `UNKNOWN_OPCODE` (with the opcode) when the other side sends no such packet, or any
   * body decode error carrying the inner opcode and the bit offset in the body.
   */
  decodeFrame(frame: Frame): ReceivedPacket<R> {
    const { opcode, payload } = frame;
    const encryptedWrapper = this.role === "server" ? Opcode.ClientEncrypted : Opcode.ServerRealmEncrypted;
    if (opcode === encryptedWrapper || (opcode === Opcode.ClientPacked && this.role === "server")) {
      const inner = unwrap(opcode, payload);
      const via: Wrapping = opcode === Opcode.ClientPacked ? "packed" : "encrypted";
      if (via === "encrypted") this.crypt.decryptInPlace(inner);
      if (inner.length < 2) {
        throw new ProtocolError("DECODE_PAST_END", "wrapped packet too short for its opcode", { opcode, bitOffset: 0 });
      }
      const innerOpcode = inner.readUInt16LE(0);
      return this.decodeBody(innerOpcode, inner.subarray(2), via);
    }
    return this.decodeBody(opcode, payload, "raw");
  }

  /**
   * Frames and decodes everything `chunk` completes, with the current key. Stops at the first bad
   * packet by throwing; packets decoded before it in the same chunk are then lost, which is fine
   * for a caller that disconnects on errors. Use {@link frames} + {@link decodeFrame} otherwise.
   * @throws ProtocolError as {@link frames} and {@link decodeFrame}.
   */
  push(chunk: Uint8Array): ReceivedPacket<R>[] {
    return this.frames(chunk).map((frame) => this.decodeFrame(frame));
  }

  /**
   * Encodes a packet this side sends as one complete frame, by default encrypted in the
   * `ServerRealmEncrypted` (server) or `ClientEncrypted` (client) wrapper with the current key.
   * @throws ProtocolError if the value does not fit the packet's layout (with opcode and bit
   * offset), or `VALUE_OUT_OF_RANGE` for `packed` on a server channel or a packet of the wrong side.
   */
  encode<D extends PacketDefOf<OutgoingDirection<R>>>(def: D, value: PacketValue<D>, options: { wrap?: Wrapping } = {}): Buffer {
    const packet = def as AnyPacketDef;
    const wrap = options.wrap ?? "encrypted";
    if (packet.direction === this.incoming) {
      throw new ProtocolError("VALUE_OUT_OF_RANGE", `a ${this.role} does not send ${packet.name}`, { opcode: packet.opcode });
    }
    if (wrap === "packed" && this.role === "server") {
      throw new ProtocolError("VALUE_OUT_OF_RANGE", "only a client sends ClientPacked", { opcode: packet.opcode });
    }
    const headerBits = (wrap === "raw" ? FRAME_HEADER_SIZE : FRAME_HEADER_SIZE + WRAPPER_HEADER) * 8;
    const writer = BitWriter.pooled(headerBits);
    let frame: Buffer;
    try {
      if (wrap !== "raw") writer.uint(packet.opcode, 16);
      packet.codec.write(writer, value);
      frame = writer.finishCopy();
    } catch (error) {
      throw error instanceof ProtocolError ? error.withOpcode(packet.opcode, wrap === "raw" ? headerBits : headerBits + 16) : error;
    } finally {
      writer.release();
    }
    if (frame.length > 0xffffffff) throw new ProtocolError("FRAME_TOO_LARGE", "frame does not fit a u32 size", { opcode: packet.opcode });
    frame.writeUInt32LE(frame.length, 0);
    if (wrap === "raw") {
      frame.writeUInt16LE(packet.opcode, 4);
      return frame;
    }
    const wrapper =
      wrap === "packed" ? Opcode.ClientPacked : this.role === "server" ? Opcode.ServerRealmEncrypted : Opcode.ClientEncrypted;
    frame.writeUInt16LE(wrapper, 4);
    frame.writeUInt32LE(frame.length - FRAME_HEADER_SIZE, FRAME_HEADER_SIZE);
    if (wrap === "encrypted") this.crypt.encryptInPlace(frame, FRAME_HEADER_SIZE + WRAPPER_HEADER);
    return frame;
  }

  private decodeBody(opcode: number, body: Uint8Array, via: Wrapping): ReceivedPacket<R> {
    const def = packetByOpcode(this.incoming, opcode) as AnyPacketDef | undefined;
    if (def === undefined) throw unknownOpcode(this.incoming, opcode);
    return { name: def.name, opcode: def.opcode, value: def.decode(body, this.decodeOptions), via } as ReceivedPacket<R>;
  }
}

/** Checks a wrapper's `u32 length` (which counts itself) and returns a copy of the inner bytes. */
function unwrap(opcode: number, payload: Buffer): Buffer {
  if (payload.length < WRAPPER_HEADER) {
    throw new ProtocolError("BAD_ENCRYPTED_LENGTH", `wrapper payload of ${payload.length} bytes has no length`, { opcode, bitOffset: 0 });
  }
  const length = payload.readUInt32LE(0);
  if (length !== payload.length) {
    throw new ProtocolError("BAD_ENCRYPTED_LENGTH", `wrapper length ${length} but payload is ${payload.length} bytes`, { opcode, bitOffset: 0 });
  }
  return Buffer.from(payload.subarray(WRAPPER_HEADER));
}
