/** Whether an opcode comes from the genuine client (NexusForever's name and value) or is one of ours. */
export type OpcodeOrigin = "genuine" | "extension";

/** The only values extension opcodes may take (inclusive). */
export const EXTENSION_OPCODE_RANGE = { first: 0xf000, last: 0xf0ff } as const;

/**
 * Highest genuine opcode value known: `ServerStorePurchaseHistory` 0x098E. NexusForever's mainline
 * `GameMessageOpcode` enum (Source/NexusForever.Network/Message/GameMessageOpcode.cs) stops at
 * `ServerStoreOffers` 0x098B, but the client also defines 0x098C and 0x098E (NexusForever pull
 * requests 411 and 482, protocol-next.md 1a). Extensions start well above it.
 */
export const GENUINE_OPCODE_MAX = 0x098e;

/** True when `value` is a legal opcode for `origin`: a genuine value up to the maximum, or an extension in its range. */
export function opcodeFitsOrigin(value: number, origin: OpcodeOrigin): boolean {
  if (!Number.isInteger(value)) return false;
  return origin === "genuine" ? value >= 0 && value <= GENUINE_OPCODE_MAX : value >= EXTENSION_OPCODE_RANGE.first && value <= EXTENSION_OPCODE_RANGE.last;
}
