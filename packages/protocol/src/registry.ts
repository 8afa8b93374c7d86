import { ProtocolError } from "./errors";
import { ClientCharacterCreate } from "./packets/client/ClientCharacterCreate";
import { ClientCharacterList } from "./packets/client/ClientCharacterList";
import { ClientCharacterSelect } from "./packets/client/ClientCharacterSelect";
import { ClientChat } from "./packets/client/ClientChat";
import { ClientEnteredWorld } from "./packets/client/ClientEnteredWorld";
import { ClientHelloRealm } from "./packets/client/ClientHelloRealm";
import { ClientLogoutConfirm } from "./packets/client/ClientLogoutConfirm";
import { ClientLogoutRequest } from "./packets/client/ClientLogoutRequest";
import { ClientPing } from "./packets/client/ClientPing";
import { ClientQuestAccept } from "./packets/client/ClientQuestAccept";
import { ClientQuestComplete } from "./packets/client/ClientQuestComplete";
import { ClientTitleSet } from "./packets/client/ClientTitleSet";
import { ClientVendorOpen } from "./packets/client/ClientVendorOpen";
import { ClientVendorPurchase } from "./packets/client/ClientVendorPurchase";
import { ServerAchievementInit } from "./packets/server/ServerAchievementInit";
import { ServerAchievementUpdate } from "./packets/server/ServerAchievementUpdate";
import { ServerChangeWorld } from "./packets/server/ServerChangeWorld";
import { ServerCharacterCreate } from "./packets/server/ServerCharacterCreate";
import { ServerCharacterList } from "./packets/server/ServerCharacterList";
import { ServerCharacterSelectFail } from "./packets/server/ServerCharacterSelectFail";
import { ServerChat } from "./packets/server/ServerChat";
import { ServerChatResult } from "./packets/server/ServerChatResult";
import { ServerGenericError } from "./packets/server/ServerGenericError";
import { ServerGoldChanged } from "./packets/server/ServerGoldChanged";
import { ServerInventoryUpdate } from "./packets/server/ServerInventoryUpdate";
import { ServerHello } from "./packets/server/ServerHello";
import { ServerLogout } from "./packets/server/ServerLogout";
import { ServerPlayerEnteredWorld } from "./packets/server/ServerPlayerEnteredWorld";
import { ServerQuestStateChange } from "./packets/server/ServerQuestStateChange";
import { ServerReputationList } from "./packets/server/ServerReputationList";
import { ServerReputationUpdate } from "./packets/server/ServerReputationUpdate";
import { ServerRequestResult } from "./packets/server/ServerRequestResult";
import { ServerTitleSet } from "./packets/server/ServerTitleSet";
import { ServerTitleUpdate } from "./packets/server/ServerTitleUpdate";
import { ServerTitles } from "./packets/server/ServerTitles";
import { ServerVendorItems } from "./packets/server/ServerVendorItems";
import { ServerVendorRefused } from "./packets/server/ServerVendorRefused";
import type { AnyPacketDef, DecodeOptions, Direction, PacketValue } from "./schema/packet";

/** Every packet the client sends, by name. A world handler map keyed by these names is complete when it type-checks. */
export const clientPackets = {
  ClientHelloRealm,
  ClientCharacterList,
  ClientCharacterSelect,
  ClientCharacterCreate,
  ClientPing,
  ClientLogoutRequest,
  ClientLogoutConfirm,
  ClientEnteredWorld,
  ClientChat,
  ClientTitleSet,
  ClientQuestAccept,
  ClientQuestComplete,
  ClientVendorPurchase,
  ClientVendorOpen,
} as const;

/** Every packet the server sends, by name. */
export const serverPackets = {
  ServerHello,
  ServerCharacterList,
  ServerCharacterSelectFail,
  ServerCharacterCreate,
  ServerChangeWorld,
  ServerPlayerEnteredWorld,
  ServerLogout,
  ServerChat,
  ServerChatResult,
  ServerGenericError,
  ServerReputationUpdate,
  ServerTitles,
  ServerTitleUpdate,
  ServerTitleSet,
  ServerQuestStateChange,
  ServerAchievementInit,
  ServerAchievementUpdate,
  ServerRequestResult,
  ServerReputationList,
  ServerVendorRefused,
  ServerVendorItems,
  ServerGoldChanged,
  ServerInventoryUpdate,
} as const;

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
  ? { [K in ClientPacketName]: { readonly name: K; readonly opcode: (typeof clientPackets)[K]["opcode"]; readonly value: ClientPacketValues[K] } }[ClientPacketName]
  : { [K in ServerPacketName]: { readonly name: K; readonly opcode: (typeof serverPackets)[K]["opcode"]; readonly value: ServerPacketValues[K] } }[ServerPacketName];

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
