import { BitWriter } from "./bits/writer";
import { CipherTarget, keyFromAuthBuildAndMessage, keyFromSessionKey, PacketCrypt } from "./crypto";
import { encodeFailed, ProtocolError } from "./errors";
import { encodeFrame, FRAME_HEADER_SIZE, FrameAssembler, type Frame } from "./framing";
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
 * One wrapper around a packet: `encrypted` is `ClientEncrypted`/`ServerRealmEncrypted` (inner
 * packet encrypted with the current key), `packed` is `ClientPacked` and `packedWorld` is
 * `ClientPackedWorld` (client only, inner packet not encrypted again).
 */
export type Wrapper = "encrypted" | "packed" | "packedWorld";

/**
 * How a packet travels, by its outermost wrapper: `encrypted` (the normal case), `packed`,
 * `packedWorld`, or `raw` as its own frame.
 */
export type Wrapping = Wrapper | "raw";

/**
 * Most wrappers around one packet. The genuine client nests two: `ClientCharacterCreate` inside
 * `ClientPacked` inside `ClientEncrypted` (NexusForever `Message/Model/ClientCharacterCreatePacked.cs`),
 * and `ClientPackedWorld` inside `ClientEncrypted`. NexusForever re-dispatches wrappers without a
 * bound; a third level is a protocol violation (`WRAPPER_TOO_DEEP`).
 */
export const MAX_WRAPPER_DEPTH = 2;

/**
 * A packet the channel received: the decoded packet, its outermost wrapping (`via`) and every
 * wrapper from the outside in (`wrappers`, empty for a raw frame).
 */
export type ReceivedPacket<R extends Role> = DecodedPacket<IncomingDirection<R>> & {
  readonly via: Wrapping;
  readonly wrappers: readonly Wrapper[];
};

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
/** The `wrappers` of a raw frame, shared. */
const NO_WRAPPERS: readonly Wrapper[] = Object.freeze([]);
/**
 * The `wrappers` of a packet in one wrapper, shared per wrapper: every packet the genuine client
 * sends in the world is in `ClientEncrypted`, and an array of its own per packet is garbage.
 */
const ONE_WRAPPER: Readonly<Record<Wrapper, readonly Wrapper[]>> = {
  encrypted: Object.freeze(["encrypted"]),
  packed: Object.freeze(["packed"]),
  packedWorld: Object.freeze(["packedWorld"]),
};

/** Words of the arena {@link takeWords} cuts packets' words from (16 KiB). */
const WORDS_ARENA = 4096;
let wordsArena = new Int32Array(0);
let wordsUsed = 0;

/**
 * `count` zeroed words for one packet, cut from an arena packets share, as node cuts small buffers
 * from its pool: a typed array of its own per packet would be memory outside the heap each time
 * (allocated zeroed, tracked and swept), which cost more than encrypting a chat line for a receiver.
 * An arena is dropped when full and lives on while any packet cut from it does; packets never overlap.
 */
function takeWords(count: number): Int32Array {
  if (count > WORDS_ARENA / 8) return new Int32Array(count);
  if (wordsUsed + count > wordsArena.length) {
    wordsArena = new Int32Array(WORDS_ARENA);
    wordsUsed = 0;
  }
  const words = wordsArena.subarray(wordsUsed, wordsUsed + count);
  wordsUsed += count;
  return words;
}

/**
 * A packet encoded once for many receivers (a zone's chat line): its name, opcode, sender side and
 * its inner bytes (`u16 opcode` + body, in the clear) as `words`, which {@link PacketChannel.sealInto}
 * frames and encrypts per connection straight into its buffer (three header writes, then
 * `PacketCrypt.encryptWordsInto`). `size` is the sealed frame's: frame header, wrapper header and
 * inner bytes. `inner` and `frame` (the whole frame in the clear: the headers, which do not depend
 * on the key, then `inner`) are built when first read, for tests and tools; sealing needs neither.
 * Treat it as read-only: every receiver reads it.
 */
export class EncodedPacket {
  private innerBytes: Buffer | undefined;

  /** @internal made by {@link encodePacket}. */
  constructor(
    readonly name: string,
    readonly opcode: number,
    readonly direction: Direction,
    /** Bytes of the sealed frame. */
    readonly size: number,
    /** The inner bytes as {@link plainWords}: little-endian 32-bit words, zero-padded to whole 8-byte blocks. */
    readonly words: Int32Array,
  ) {}

  /** The inner bytes, `u16 opcode` + body, in the clear (a copy made from {@link words} on first read). */
  get inner(): Buffer {
    if (this.innerBytes === undefined) {
      const inner = Buffer.alloc(this.size - SEALED_HEADER);
      for (let i = 0; i < inner.length; i++) inner[i] = (this.words[i >>> 2]! >>> ((i & 3) * 8)) & 0xff;
      this.innerBytes = inner;
    }
    return this.innerBytes;
  }

  /** The whole frame in the clear: frame header, wrapper header, then {@link inner} (a new Buffer). */
  get frame(): Buffer {
    const frame = Buffer.alloc(this.size);
    frame.writeUInt32LE(this.size, 0);
    frame.writeUInt16LE(this.direction === "server" ? Opcode.ServerRealmEncrypted : Opcode.ClientEncrypted, 4);
    frame.writeUInt32LE(this.size - FRAME_HEADER_SIZE, FRAME_HEADER_SIZE);
    this.inner.copy(frame, SEALED_HEADER);
    return frame;
  }
}

/** Bytes of the frame {@link PacketChannel.seal} makes of `packet`: frame header, wrapper header, its inner bytes. */
export function sealedSize(packet: EncodedPacket): number {
  return packet.size;
}

/** Bytes before `inner` in a sealed frame. */
const SEALED_HEADER = FRAME_HEADER_SIZE + WRAPPER_HEADER;

/**
 * Encodes a packet once, for {@link PacketChannel.seal} on any number of connections.
 * @throws ProtocolError `ENCODE_FAILED` (with the opcode, the bit offset in the body and the
 * low-level error as `cause`) if the value does not fit the packet's layout.
 */
export function encodePacket<D extends AnyPacketDef>(def: D, value: PacketValue<D>): EncodedPacket {
  const packet = def as AnyPacketDef;
  const writer = BitWriter.pooled(0);
  let words: Int32Array;
  let innerLength: number;
  try {
    writer.uint(packet.opcode, 16);
    try {
      packet.codec.write(writer, value);
    } catch (error) {
      throw encodeFailed(packet.name, packet.opcode, error, 16);
    }
    writer.flushBits();
    innerLength = writer.byteLength;
    if (innerLength + SEALED_HEADER > 0xffffffff) {
      throw encodeFailed(packet.name, packet.opcode, new ProtocolError("FRAME_TOO_LARGE", "frame does not fit a u32 size"));
    }
    words = takeWords(((innerLength + 7) >>> 3) << 1);
    writer.copyWordsTo(words);
  } finally {
    writer.release();
  }
  return new EncodedPacket(packet.name, packet.opcode, packet.direction, innerLength + SEALED_HEADER, words);
}

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
   * Unwraps (decrypting with the current key) and decodes one frame. Wrappers nest up to
   * {@link MAX_WRAPPER_DEPTH} deep, as the genuine client sends them (e.g. `ClientEncrypted` >
   * `ClientPacked` > `ClientCharacterCreate`). The frame is consumed: its payload (the assembler's
   * own copy) is decrypted in place, so a frame is decoded once.
   * @throws ProtocolError: `BAD_ENCRYPTED_LENGTH` for a wrapper whose length disagrees with its
   * payload, `WRAPPER_TOO_DEEP` for a wrapper nested deeper than the bound, `UNKNOWN_OPCODE` (with
   * the opcode) when the other side sends no such packet, or any body decode error carrying the
   * inner opcode and the bit offset in the body.
   */
  decodeFrame(frame: Frame): ReceivedPacket<R> {
    let opcode = frame.opcode;
    const bytes = frame.payload;
    // The current packet is bytes[from, to): wrappers are peeled off by moving `from`, no copies.
    let from = 0;
    const to = bytes.length;
    let wrappers = NO_WRAPPERS;
    for (let wrapper = this.wrapperOf(opcode); wrapper !== undefined; wrapper = this.wrapperOf(opcode)) {
      if (wrappers.length === MAX_WRAPPER_DEPTH) {
        throw new ProtocolError(
          "WRAPPER_TOO_DEEP",
          `wrapper 0x${hex4(opcode)} inside ${wrappers.length} wrappers; the client nests at most ${MAX_WRAPPER_DEPTH}`,
          { opcode, bitOffset: 0 },
        );
      }
      wrappers = wrappers === NO_WRAPPERS ? ONE_WRAPPER[wrapper] : [...wrappers, wrapper];
      from = unwrap(opcode, bytes, from, to, wrapper === "packedWorld" ? PACKED_WORLD_PREFIX : 0);
      if (wrapper === "encrypted") this.crypt.decryptInPlace(bytes, from, to);
      if (to - from < 2) {
        throw new ProtocolError("DECODE_PAST_END", "wrapped packet too short for its opcode", { opcode, bitOffset: 0 });
      }
      opcode = bytes[from]! | (bytes[from + 1]! << 8);
      from += 2;
    }
    return this.decodeBody(opcode, from === 0 ? bytes : new Uint8Array(bytes.buffer, bytes.byteOffset + from, to - from), wrappers);
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
   * `wrap` is one wrapping or a chain of wrappers from the outside in (e.g. `["encrypted",
   * "packed"]`, as the genuine client sends `ClientCharacterCreate`).
   * @throws ProtocolError `ENCODE_FAILED` (with the opcode, the bit offset in the body and the
   * low-level error as `cause`) if the value does not fit the packet's layout, the packet is the
   * other side's, or the wrapping is not this side's: always the caller's fault, never the peer's.
   */
  encode<D extends PacketDefOf<OutgoingDirection<R>>>(def: D, value: PacketValue<D>, options: { wrap?: Wrapping | readonly Wrapper[] } = {}): Buffer {
    const packet = def as AnyPacketDef;
    const requested = options.wrap ?? "encrypted";
    if (packet.direction === this.incoming) {
      throw encodeFailed(packet.name, packet.opcode, new ProtocolError("VALUE_OUT_OF_RANGE", `a ${this.role} does not send ${packet.name}`));
    }
    if (requested === "encrypted") return this.encodeWrapped(packet, value, "encrypted");
    const chain: readonly Wrapper[] = typeof requested === "string" ? (requested === "raw" ? [] : [requested]) : requested;
    if (this.role === "server" && chain.some((w) => w !== "encrypted")) {
      throw encodeFailed(packet.name, packet.opcode, new ProtocolError("VALUE_OUT_OF_RANGE", "only a client sends ClientPacked or ClientPackedWorld"));
    }
    if (chain.length > MAX_WRAPPER_DEPTH) {
      throw encodeFailed(packet.name, packet.opcode, new ProtocolError("VALUE_OUT_OF_RANGE", `at most ${MAX_WRAPPER_DEPTH} wrappers`));
    }
    const only = chain[0];
    if (chain.length > 1 || only === "packedWorld") return this.encodeNested(packet, value, chain);
    return this.encodeWrapped(packet, value, only ?? "raw");
  }

  /**
   * {@link encode} with the default wrapping (`encrypted`), written where `sink` says instead of
   * into a buffer of its own: `sink` is called once, synchronously, with the frame's size and a
   * `fill` that writes the whole frame at `offset` of `target` (a connection's outgoing buffer, as
   * `Outbox.pushInPlace` takes it). The body is encoded in the shared scratch writer and copied
   * once, into the target: no allocation per packet (`fill` is one function per channel, not a
   * closure per packet). The bytes are those {@link encode} gives.
   * @throws ProtocolError `ENCODE_FAILED` as {@link encode}, before `sink` is called; from `fill`,
   *   `INVALID_ARGUMENT` when the frame does not fit `target` at `offset` (nothing is written) or
   *   when it is called after `sink` returned.
   */
  encodeThrough<D extends PacketDefOf<OutgoingDirection<R>>>(
    def: D,
    value: PacketValue<D>,
    sink: (size: number, fill: (target: CipherTarget, offset: number) => void) => void,
  ): void {
    const packet = def as AnyPacketDef;
    if (packet.direction === this.incoming) {
      throw encodeFailed(packet.name, packet.opcode, new ProtocolError("VALUE_OUT_OF_RANGE", `a ${this.role} does not send ${packet.name}`));
    }
    const headerBits = (FRAME_HEADER_SIZE + WRAPPER_HEADER) * 8;
    const writer = BitWriter.pooled(headerBits);
    const outer = this.through;
    try {
      try {
        writer.uint(packet.opcode, 16);
        packet.codec.write(writer, value);
        writer.flushBits();
      } catch (error) {
        throw encodeFailed(packet.name, packet.opcode, error, headerBits + 16);
      }
      const size = writer.byteLength;
      if (size > 0xffffffff) throw encodeFailed(packet.name, packet.opcode, new ProtocolError("FRAME_TOO_LARGE", "frame does not fit a u32 size"));
      // One fill bound once reads the frame from `through`: no closure per packet.
      this.through = writer;
      sink(size, this.fillThrough);
    } finally {
      this.through = outer;
      writer.release();
    }
  }

  /** The writer holding the frame {@link encodeThrough} is handing its sink right now. */
  private through: BitWriter | undefined;

  /** The `fill` {@link encodeThrough} hands its sink: copies, frames and encrypts the frame in `through`. */
  private readonly fillThrough = (target: CipherTarget, offset: number): void => {
    const writer = this.through;
    if (writer === undefined) throw new ProtocolError("INVALID_ARGUMENT", "encodeThrough's fill was called after encodeThrough returned");
    const size = writer.byteLength;
    if (!(offset >= 0 && offset + size <= target.bytes.length)) {
      throw new ProtocolError("INVALID_ARGUMENT", `a ${size}-byte frame does not fit ${target.bytes.length} bytes at ${offset}`);
    }
    writer.copyTo(target.bytes, offset);
    this.sealedHeadersInto(target, offset, size);
    this.crypt.encryptTarget(target, offset + FRAME_HEADER_SIZE + WRAPPER_HEADER, offset + size);
  };

  /**
   * Seals a packet encoded once with {@link encodePacket} for this connection: a frame holding
   * `ServerRealmEncrypted` (server) or `ClientEncrypted` (client) around a copy of its bytes,
   * encrypted with this channel's current key. What a broadcast costs per receiver.
   * @throws ProtocolError `ENCODE_FAILED` when the packet is the other side's.
   */
  seal(packet: EncodedPacket): Buffer {
    const frame = Buffer.allocUnsafe(sealedSize(packet));
    this.sealInto(packet, new CipherTarget(frame), 0);
    return frame;
  }

  /**
   * {@link seal} straight into `target.bytes` at `offset` (a connection's outgoing buffer, whose
   * view the encryption uses: a broadcast seals into many buffers in turn), without a buffer of
   * its own: the frame takes {@link sealedSize} bytes there. Returns the offset after it.
   * @throws ProtocolError `ENCODE_FAILED` when the packet is the other side's; `INVALID_ARGUMENT`
   *   when the frame does not fit `target.bytes` at `offset` (nothing is written then).
   */
  sealInto(packet: EncodedPacket, target: CipherTarget, offset: number): number {
    if (packet.direction === this.incoming) {
      throw encodeFailed(packet.name, packet.opcode, new ProtocolError("VALUE_OUT_OF_RANGE", `a ${this.role} does not send ${packet.name}`));
    }
    const size = sealedSize(packet);
    if (!(offset >= 0 && offset + size <= target.bytes.length)) {
      throw new ProtocolError("INVALID_ARGUMENT", `a ${size}-byte frame does not fit ${target.bytes.length} bytes at ${offset}`);
    }
    // The headers (they do not depend on the key), then the inner bytes encrypted straight from
    // the packet's words: no copy of them to encrypt in place.
    this.sealedHeadersInto(target, offset, size);
    this.crypt.encryptWordsInto(packet.words, size - SEALED_HEADER, target.view, target.base + offset + SEALED_HEADER);
    return offset + size;
  }

  /** One packet as one frame, raw or in one wrapper, encoded straight after the headers. */
  private encodeWrapped(packet: AnyPacketDef, value: unknown, wrap: "raw" | "encrypted" | "packed"): Buffer {
    const headerBits = (wrap === "raw" ? FRAME_HEADER_SIZE : FRAME_HEADER_SIZE + WRAPPER_HEADER) * 8;
    const writer = BitWriter.pooled(headerBits);
    let frame: Buffer;
    try {
      if (wrap !== "raw") writer.uint(packet.opcode, 16);
      packet.codec.write(writer, value as never);
      frame = writer.finishCopy();
    } catch (error) {
      throw encodeFailed(packet.name, packet.opcode, error, wrap === "raw" ? headerBits : headerBits + 16);
    } finally {
      writer.release();
    }
    if (frame.length > 0xffffffff) throw encodeFailed(packet.name, packet.opcode, new ProtocolError("FRAME_TOO_LARGE", "frame does not fit a u32 size"));
    if (wrap === "raw") {
      frame.writeUInt32LE(frame.length, 0);
      frame.writeUInt16LE(packet.opcode, 4);
      return frame;
    }
    this.frameWrapped(frame, wrap);
    return frame;
  }

  /** Fills in the frame and wrapper headers around the inner bytes at offset 10, encrypting them for `encrypted`. */
  private frameWrapped(frame: Buffer, wrap: "encrypted" | "packed"): void {
    this.frameWrappedAt(frame, 0, frame.length, wrap);
  }

  /** {@link frameWrapped} for the `size`-byte frame at `at` of `buffer`. */
  private frameWrappedAt(buffer: Buffer, at: number, size: number, wrap: "encrypted" | "packed"): void {
    this.frameHeadersAt(buffer, at, size, wrap);
    if (wrap === "encrypted") this.crypt.encryptInPlace(buffer, at + FRAME_HEADER_SIZE + WRAPPER_HEADER, at + size);
  }

  /** The frame and wrapper headers of the `size`-byte frame at `at` of `buffer` (the inner bytes are left as they are). */
  private frameHeadersAt(buffer: Buffer, at: number, size: number, wrap: "encrypted" | "packed"): void {
    buffer.writeUInt32LE(size, at);
    const wrapper = wrap === "packed" ? Opcode.ClientPacked : this.role === "server" ? Opcode.ServerRealmEncrypted : Opcode.ClientEncrypted;
    buffer.writeUInt16LE(wrapper, at + 4);
    buffer.writeUInt32LE(size - FRAME_HEADER_SIZE, at + FRAME_HEADER_SIZE);
  }

  /**
   * {@link frameHeadersAt} of an encrypted frame, through the target's view: what every packet a
   * connection sends costs, without Buffer's checked writes.
   */
  private sealedHeadersInto(target: CipherTarget, offset: number, size: number): void {
    const view = target.view;
    const at = target.base + offset;
    view.setUint32(at, size, true);
    view.setUint16(at + 4, this.role === "server" ? Opcode.ServerRealmEncrypted : Opcode.ClientEncrypted, true);
    view.setUint32(at + FRAME_HEADER_SIZE, size - FRAME_HEADER_SIZE, true);
  }

  /** Wrappers nested, or `ClientPackedWorld`: built from the inside out (tests and the headless client). */
  private encodeNested(packet: AnyPacketDef, value: unknown, chain: readonly Wrapper[]): Buffer {
    const body = packet.encode(value as never);
    let opcode: number = packet.opcode;
    let payload: Buffer = body;
    for (const wrapper of [...chain].reverse()) {
      const inner = Buffer.alloc(2 + payload.length);
      inner.writeUInt16LE(opcode, 0);
      payload.copy(inner, 2);
      if (wrapper === "encrypted") this.crypt.encryptInPlace(inner);
      const prefix = wrapper === "packedWorld" ? PACKED_WORLD_PREFIX : 0;
      const wrapped = Buffer.alloc(prefix + WRAPPER_HEADER + inner.length);
      if (prefix > 0) wrapped.writeUInt8(PACKED_WORLD_KIND, 0);
      wrapped.writeUInt32LE(WRAPPER_HEADER + inner.length, prefix);
      inner.copy(wrapped, prefix + WRAPPER_HEADER);
      opcode =
        wrapper === "encrypted"
          ? this.role === "server"
            ? Opcode.ServerRealmEncrypted
            : Opcode.ClientEncrypted
          : wrapper === "packed"
            ? Opcode.ClientPacked
            : Opcode.ClientPackedWorld;
      payload = wrapped;
    }
    return encodeFrame(opcode, payload);
  }

  /** The wrapper an opcode is for this side's incoming packets, or `undefined` for a packet. */
  private wrapperOf(opcode: number): Wrapper | undefined {
    if (this.role === "client") return opcode === Opcode.ServerRealmEncrypted ? "encrypted" : undefined;
    if (opcode === Opcode.ClientEncrypted) return "encrypted";
    if (opcode === Opcode.ClientPacked) return "packed";
    if (opcode === Opcode.ClientPackedWorld) return "packedWorld";
    return undefined;
  }

  private decodeBody(opcode: number, body: Uint8Array, wrappers: readonly Wrapper[]): ReceivedPacket<R> {
    const def = packetByOpcode(this.incoming, opcode) as AnyPacketDef | undefined;
    if (def === undefined) throw unknownOpcode(this.incoming, opcode);
    const via: Wrapping = wrappers[0] ?? "raw";
    return { name: def.name, opcode: def.opcode, value: def.decode(body, this.decodeOptions), via, wrappers } as ReceivedPacket<R>;
  }
}

/**
 * `ClientPackedWorld` starts with 5 bits (the client writes 11 or 19, meaning unknown) and a byte
 * alignment before its length (NexusForever `Network.World/Message/Model/ClientPackedWorld.cs`).
 */
const PACKED_WORLD_PREFIX = 1;
/** The 5-bit value this package writes in that prefix. */
const PACKED_WORLD_KIND = 11;

/**
 * Checks the `u32 length` of the wrapper in `bytes[from, to)` (it counts itself and follows
 * `prefix` bytes) and returns where the inner bytes start. Bit offsets in its errors count from
 * the wrapper's payload.
 */
function unwrap(opcode: number, bytes: Buffer, from: number, to: number, prefix: number): number {
  const size = to - from;
  if (size < prefix + WRAPPER_HEADER) {
    throw new ProtocolError("BAD_ENCRYPTED_LENGTH", `wrapper payload of ${size} bytes has no length`, { opcode, bitOffset: 0 });
  }
  const length = bytes.readUInt32LE(from + prefix);
  if (length !== size - prefix) {
    throw new ProtocolError("BAD_ENCRYPTED_LENGTH", `wrapper length ${length} but payload is ${size - prefix} bytes`, {
      opcode,
      bitOffset: prefix * 8,
    });
  }
  return from + prefix + WRAPPER_HEADER;
}

function hex4(value: number): string {
  return value.toString(16).toUpperCase().padStart(4, "0");
}
