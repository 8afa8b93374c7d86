import { BitReader } from "../bits/reader";
import { BitWriter } from "../bits/writer";
import { encodeFailed, ProtocolError } from "../errors";
import { opcodeFitsOrigin, type OpcodeOrigin } from "../opcode-ranges";
import type { Codec, Fields, Simplify, StructValue } from "./codec";
import { t } from "./types";

/** Who sends a packet: `client` packets travel client to server, `server` packets the other way. */
export type Direction = "client" | "server";

/** What to do with whole bytes left after a body was decoded. */
export interface DecodeOptions {
  /** `error` (default) throws `TRAILING_DATA`; `ignore` accepts them as NexusForever does (it only logs). */
  readonly trailing?: "error" | "ignore";
}

/** One packet, declared once: encode, decode and the value type all come from `fields`. */
export interface PacketDef<N extends string = string, F extends Fields = Fields, D extends Direction = Direction, O extends number = number> {
  readonly name: N;
  readonly opcode: O;
  readonly origin: OpcodeOrigin;
  readonly direction: D;
  readonly fields: F;
  readonly codec: Codec<Simplify<StructValue<F>>>;
  /**
   * Encodes the body alone (bits flushed to a whole byte).
   * @throws ProtocolError `ENCODE_FAILED` when the value does not fit the layout, carrying this
   * opcode, the bit offset and as `cause` the low-level error (`VALUE_OUT_OF_RANGE`,
   * `STRING_TOO_LONG`, `ARRAY_TOO_LONG` or `UNKNOWN_VARIANT`).
   */
  encode(value: Simplify<StructValue<F>>): Buffer;
  /**
   * Decodes a body.
   * @throws ProtocolError (`DECODE_PAST_END`, `STRING_TOO_LONG`, `ARRAY_TOO_LONG`, `UNKNOWN_VARIANT`,
   * `TRAILING_DATA`) carrying this opcode and the bit offset in the body.
   */
  decode(body: Uint8Array, options?: DecodeOptions): Simplify<StructValue<F>>;
}

/** The value type of a packet, e.g. `PacketValue<typeof ServerTitles>`. */
export type PacketValue<P> = P extends PacketDef<string, infer F, Direction, number> ? Simplify<StructValue<F>> : never;

/** Any packet definition. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any field list: Fields is invariant through its codecs
export type AnyPacketDef = PacketDef<string, any, Direction, number>;

/**
 * Declares a packet, once: its name (NexusForever's for a genuine packet), its opcode and whether
 * that opcode is `genuine` (NexusForever's `GameMessageOpcode` name and value) or an `extension`
 * (0xF000-0xF0FF), who sends it, and its fields in wire order. The opcode table, the registries
 * and the public exports are derived from the packet modules (`src/packets/index.ts`).
 * @throws ProtocolError `INVALID_ARGUMENT` when the name does not start with the sender's prefix
 * (`Client`/`Server`) or the opcode does not fit its origin's range.
 */
export function definePacket<const N extends string, const O extends number, const D extends Direction, F extends Fields>(definition: {
  name: N;
  opcode: O;
  origin: OpcodeOrigin;
  direction: D;
  fields: F;
}): PacketDef<N, F, D, O> {
  const { name, opcode, origin, direction, fields } = definition;
  if (!name.startsWith(direction === "client" ? "Client" : "Server")) {
    throw new ProtocolError("INVALID_ARGUMENT", `a ${direction} packet's name must start with ${direction === "client" ? "Client" : "Server"}, got ${name}`);
  }
  if (!opcodeFitsOrigin(opcode, origin)) {
    throw new ProtocolError("INVALID_ARGUMENT", `${name}: opcode 0x${opcode.toString(16)} is outside the ${origin} range`, { opcode });
  }
  const codec = t.struct(fields);
  type V = Simplify<StructValue<F>>;
  return {
    name,
    opcode,
    origin,
    direction,
    fields,
    codec,
    encode(value: V): Buffer {
      const writer = BitWriter.pooled();
      try {
        codec.write(writer, value);
        return writer.finishCopy();
      } catch (error) {
        throw encodeFailed(name, opcode, error);
      } finally {
        writer.release();
      }
    },
    decode(body: Uint8Array, options: DecodeOptions = {}): V {
      const reader = new BitReader(body);
      try {
        const value = codec.read(reader);
        if (options.trailing !== "ignore" && reader.remainingWholeBytes > 0) {
          throw new ProtocolError("TRAILING_DATA", `${reader.remainingWholeBytes} bytes left after the body`, { bitOffset: reader.bitOffset });
        }
        return value;
      } catch (error) {
        throw stamp(error, opcode);
      }
    },
  };
}

function stamp(error: unknown, opcode: number): unknown {
  return error instanceof ProtocolError ? error.withOpcode(opcode) : error;
}
