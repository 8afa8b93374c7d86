/**
 * Every opcode this package uses, once. `genuine` opcodes carry the same name and value as
 * NexusForever's `GameMessageOpcode` (Source/NexusForever.Network/Message/GameMessageOpcode.cs) for
 * client build 16042; `extension` opcodes are ours, for things the genuine client has no packet for.
 *
 * Extensions live only in {@link EXTENSION_OPCODE_RANGE} (0xF000-0xF0FF). The highest value in the
 * whole genuine enum is 0x098B (`ServerStoreOffers`), so the range is far above anything the client
 * defines; a test checks that no entry collides and every extension stays inside the range.
 *
 * Naming follows the NexusForever revision protocol.md quotes: 0x0241 is `ClientPing` there (later
 * revisions call it `ClientPregameKeepAlive`; same value, empty body).
 */
export const OPCODES = {
  ServerHello: { value: 0x0003, origin: "genuine" },
  ServerPlayerEnteredWorld: { value: 0x0061, origin: "genuine" },
  ServerChangeWorld: { value: 0x00ad, origin: "genuine" },
  ServerAchievementInit: { value: 0x00ae, origin: "genuine" },
  ServerAchievementUpdate: { value: 0x00af, origin: "genuine" },
  ClientVendorPurchase: { value: 0x00be, origin: "genuine" },
  ClientLogoutRequest: { value: 0x00bf, origin: "genuine" },
  ClientLogoutConfirm: { value: 0x00c0, origin: "genuine" },
  ServerCharacterCreate: { value: 0x00dc, origin: "genuine" },
  ClientEnteredWorld: { value: 0x00f2, origin: "genuine" },
  ServerGenericError: { value: 0x0106, origin: "genuine" },
  ServerCharacterList: { value: 0x0117, origin: "genuine" },
  ServerCharacterSelectFail: { value: 0x0162, origin: "genuine" },
  ServerTitleSet: { value: 0x0189, origin: "genuine" },
  ServerTitleUpdate: { value: 0x018a, origin: "genuine" },
  ServerTitles: { value: 0x018b, origin: "genuine" },
  ServerReputationUpdate: { value: 0x01a5, origin: "genuine" },
  ClientChat: { value: 0x01c3, origin: "genuine" },
  ServerChat: { value: 0x01c8, origin: "genuine" },
  ServerChatResult: { value: 0x01d3, origin: "genuine" },
  ClientPing: { value: 0x0241, origin: "genuine" },
  /** Wrapper: client-to-server encrypted packet. Handled by the channel, not a packet module. */
  ClientEncrypted: { value: 0x0244, origin: "genuine" },
  ClientCharacterCreate: { value: 0x025b, origin: "genuine" },
  /** Wrapper: client-to-server packet carried unencrypted. Handled by the channel. */
  ClientPacked: { value: 0x025c, origin: "genuine" },
  ClientQuestAccept: { value: 0x035b, origin: "genuine" },
  ServerQuestStateChange: { value: 0x035c, origin: "genuine" },
  ClientQuestComplete: { value: 0x035d, origin: "genuine" },
  /** Wrapper: server-to-client encrypted packet on the world server. Handled by the channel. */
  ServerRealmEncrypted: { value: 0x03dc, origin: "genuine" },
  ClientHelloRealm: { value: 0x058f, origin: "genuine" },
  ServerLogout: { value: 0x0594, origin: "genuine" },
  ClientTitleSet: { value: 0x078e, origin: "genuine" },
  ClientCharacterSelect: { value: 0x07dd, origin: "genuine" },
  ClientCharacterList: { value: 0x07e0, origin: "genuine" },

  /** Extension: generic answer to a request a rule refused (which request, a code, a text). */
  ServerRequestResult: { value: 0xf000, origin: "extension" },
  /** Extension: every reputation standing of the character, sent on entering the world. */
  ServerReputationList: { value: 0xf010, origin: "extension" },
  /** Extension: the client asks to open a vendor by id (the genuine client opens one by unit). */
  ClientVendorOpen: { value: 0xf020, origin: "extension" },
  /** Extension: the vendor refuses, naming the faction and the reputation level it requires. */
  ServerVendorRefused: { value: 0xf021, origin: "extension" },
  /** Extension: the vendor's items with base and discounted gold prices. */
  ServerVendorItems: { value: 0xf022, origin: "extension" },
  /** Extension: the character's gold balance after a change, and the change. */
  ServerGoldChanged: { value: 0xf030, origin: "extension" },
  /** Extension: how many of an item the character now holds. */
  ServerInventoryUpdate: { value: 0xf031, origin: "extension" },
} as const satisfies Record<string, { value: number; origin: "genuine" | "extension" }>;

/** Name of an opcode in {@link OPCODES}. */
export type OpcodeName = keyof typeof OPCODES;

/** Whether an opcode comes from the genuine client or is one of ours. */
export type OpcodeOrigin = (typeof OPCODES)[OpcodeName]["origin"];

/** Opcode values by name, e.g. `Opcode.ClientChat === 0x01c3`. */
export const Opcode = Object.fromEntries(Object.entries(OPCODES).map(([name, entry]) => [name, entry.value])) as {
  readonly [K in OpcodeName]: (typeof OPCODES)[K]["value"];
};

/** The only values extension opcodes may take (inclusive). */
export const EXTENSION_OPCODE_RANGE = { first: 0xf000, last: 0xf0ff } as const;

/** Highest value in NexusForever's genuine `GameMessageOpcode` enum (`ServerStoreOffers`). */
export const GENUINE_OPCODE_MAX = 0x098b;

/** The opcodes the channel unwraps; they are not packet modules. */
export const WRAPPER_OPCODES = [Opcode.ClientEncrypted, Opcode.ClientPacked, Opcode.ServerRealmEncrypted] as const;

const names = new Map<number, OpcodeName>(Object.entries(OPCODES).map(([name, entry]) => [entry.value, name as OpcodeName]));

/** The name of an opcode value, or `undefined` if this package does not know it. */
export function opcodeName(value: number): OpcodeName | undefined {
  return names.get(value);
}
