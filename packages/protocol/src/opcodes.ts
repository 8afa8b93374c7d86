import * as packetModules from "./packets/index";
import { EXTENSION_OPCODE_RANGE, GENUINE_OPCODE_MAX, type OpcodeOrigin } from "./opcode-ranges";
import type { AnyPacketDef } from "./schema/packet";

export { EXTENSION_OPCODE_RANGE, GENUINE_OPCODE_MAX, type OpcodeOrigin };

/**
 * Genuine opcodes this package knows but does not model as packets: the wrappers the channel
 * unwraps (NexusForever `Source/NexusForever.Network/Message/GameMessageOpcode.cs`). A wrapper's
 * payload is `u32 length` (counting itself) + an inner packet (`u16 opcode` + body);
 * `ClientPackedWorld` starts with 5 bits and a byte alignment first.
 */
export const KNOWN_OPCODES = {
  /** Client to server, inner packet encrypted (`Message/Model/ClientEncrypted.cs`). */
  ClientEncrypted: { value: 0x0244, origin: "genuine" },
  /**
   * Client to server, inner packet not encrypted again (`Message/Model/ClientPacked.cs`); the
   * genuine client sends `ClientCharacterCreate` in it, inside `ClientEncrypted`. Later
   * NexusForever revisions name it `ClientCharacterCreatePacked`.
   */
  ClientPacked: { value: 0x025c, origin: "genuine" },
  /**
   * Client to server on the world server: u5 (11 or 19), byte alignment, then `u32 length` + an
   * unencrypted inner packet (`Network.World/Message/Model/ClientPackedWorld.cs`).
   */
  ClientPackedWorld: { value: 0x038c, origin: "genuine" },
  /** Server to client on the world server, inner packet encrypted (`Network.World/Message/Model/ServerRealmEncrypted.cs`). */
  ServerRealmEncrypted: { value: 0x03dc, origin: "genuine" },
} as const satisfies Record<string, { value: number; origin: OpcodeOrigin }>;

type Modules = typeof packetModules;
type PacketExportName = { [K in keyof Modules]: Modules[K] extends AnyPacketDef ? K : never }[keyof Modules];

/** Every packet module's definition, by name, as declared in `src/packets/index.ts`. */
export type PacketsByName = { readonly [K in PacketExportName]: Modules[K] };

function isPacketDef(value: unknown): value is AnyPacketDef {
  return typeof value === "object" && value !== null && "codec" in value && "opcode" in value && "direction" in value;
}

/** Every packet definition, by name, collected from the packet modules. */
export const PACKETS = Object.fromEntries(Object.entries(packetModules).filter(([, value]) => isPacketDef(value))) as unknown as PacketsByName;

/**
 * Every opcode this package uses, once: derived from the packet modules (each declares its value
 * and origin) plus {@link KNOWN_OPCODES}. `genuine` opcodes carry the same name and value as
 * NexusForever's `GameMessageOpcode` for client build 16042; `extension` opcodes are ours, only in
 * {@link EXTENSION_OPCODE_RANGE} (0xF000-0xF0FF), above {@link GENUINE_OPCODE_MAX}. A test checks
 * there are no duplicates and every extension stays in its range.
 *
 * Naming follows NexusForever's `game_rework` enum: 0x0241 is `ClientPing` there (later revisions
 * call it `ClientPregameKeepAlive`; same value, empty body).
 */
export const OPCODES = {
  ...(Object.fromEntries((Object.values(PACKETS) as AnyPacketDef[]).map((def) => [def.name, { value: def.opcode, origin: def.origin }])) as {
    readonly [K in PacketExportName]: { readonly value: Modules[K]["opcode"]; readonly origin: OpcodeOrigin };
  }),
  ...KNOWN_OPCODES,
};

/** Name of an opcode in {@link OPCODES}. */
export type OpcodeName = keyof typeof OPCODES;

/** Opcode values by name, e.g. `Opcode.ClientChat === 0x01c3`. */
export const Opcode = Object.fromEntries(Object.entries(OPCODES).map(([name, entry]) => [name, entry.value])) as {
  readonly [K in OpcodeName]: (typeof OPCODES)[K]["value"];
};

/** The opcodes the channel unwraps; they are not packet modules. */
export const WRAPPER_OPCODES = [Opcode.ClientEncrypted, Opcode.ClientPacked, Opcode.ClientPackedWorld, Opcode.ServerRealmEncrypted] as const;

const names = new Map<number, OpcodeName>(Object.entries(OPCODES).map(([name, entry]) => [entry.value, name as OpcodeName]));

/** The name of an opcode value, or `undefined` if this package does not know it. */
export function opcodeName(value: number): OpcodeName | undefined {
  return names.get(value);
}
