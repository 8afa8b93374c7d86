/**
 * `@bezgelor/protocol`: the WildStar (build 16042) world wire protocol. Framing, PacketCrypt, the
 * bit stream, every packet declared once, and a channel that ties them together for the world
 * server and the headless client alike. Pure code: no sockets, no logging.
 */
export { PROTOCOL_ERROR_CODE, ProtocolError, isProtocolError } from "./errors";
export type { ProtocolErrorCode, ProtocolErrorDetails } from "./errors";

export { BitReader } from "./bits/reader";
export { BitWriter } from "./bits/writer";

export { DEFAULT_MAX_FRAME_SIZE, FRAME_HEADER_SIZE, FrameAssembler, encodeFrame } from "./framing";
export type { Frame } from "./framing";

export { AUTH_MESSAGE, CLIENT_BUILD, CipherTarget, PacketCrypt, keyFromAuthBuildAndMessage, keyFromSessionKey, plainWords } from "./crypto";

export { EXTENSION_OPCODE_RANGE, GENUINE_OPCODE_MAX, KNOWN_OPCODES, OPCODES, Opcode, PACKETS, WRAPPER_OPCODES, opcodeName } from "./opcodes";
export type { OpcodeName, OpcodeOrigin, PacketsByName } from "./opcodes";

export { t } from "./schema/types";
export type { UnionValue } from "./schema/types";
export type { Codec, Fields, Infer, Shape, StructValue } from "./schema/codec";
export { definePacket } from "./schema/packet";
export type { AnyPacketDef, DecodeOptions, Direction, PacketDef, PacketValue } from "./schema/packet";

export { clientPackets, decodePacketBody, packetByOpcode, serverPackets } from "./registry";
export type {
  ClientPacketDef,
  ClientPacketName,
  ClientPacketValues,
  DecodedPacket,
  PacketDefOf,
  ServerPacketDef,
  ServerPacketName,
  ServerPacketValues,
} from "./registry";

export { MAX_WRAPPER_DEPTH, PacketChannel, encodePacket, sealedSize } from "./channel";
export type { EncodedPacket, IncomingDirection, OutgoingDirection, PacketChannelOptions, ReceivedPacket, Role, Wrapper, Wrapping } from "./channel";

export { CHAT_CHANNEL_TYPE } from "./packets/shared/chat";
export { STORE_CURRENCY_ID } from "./packets/shared/store";
export { ENTITY_COMMAND, ENTITY_MODE, ENTITY_STATE_FLAG, entityCommand } from "./packets/shared/entity-command";
export { COMBAT_RESULT, DAMAGE_TYPE, EFFECT_INFO_TYPE } from "./packets/shared/spell";
export { INVENTORY_LOCATION, ITEM_UPDATE_REASON } from "./packets/shared/item";
export { COOLDOWN_TYPE } from "./packets/shared/cooldown";

// Every packet definition, and the value tables declared beside them (CHAT_RESULT, QUEST_STATE...).
export * from "./packets/index";

export { benchCodec } from "./bench";
export type { BenchCodecOptions, BenchCodecResult } from "./bench";
