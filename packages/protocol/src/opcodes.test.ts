import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { EXTENSION_OPCODE_RANGE, GENUINE_OPCODE_MAX, KNOWN_OPCODES, OPCODES, Opcode, PACKETS, WRAPPER_OPCODES, opcodeName, type OpcodeName } from "./opcodes";
import { clientPackets, packetByOpcode, serverPackets } from "./registry";
import { definePacket, type AnyPacketDef } from "./schema/packet";
import { ProtocolError } from "./errors";

const entries = Object.entries(OPCODES) as [OpcodeName, (typeof OPCODES)[OpcodeName]][];

// Name and value as written in NexusForever's GameMessageOpcode.cs (and protocol.md), transcribed
// separately from the table so an accidental edit of either shows up here.
const NEXUSFOREVER: Record<string, number> = {
  ServerHello: 0x0003,
  ServerPlayerEnteredWorld: 0x0061,
  ServerChangeWorld: 0x00ad,
  ServerInstanceSettings: 0x00f1,
  ServerPlayerChanged: 0x019b,
  ServerPlayerCreate: 0x025e,
  ServerEntityCreate: 0x0262,
  ServerEntityDestroy: 0x0355,
  ServerMovementControl: 0x0636,
  ClientEntityCommand: 0x0637,
  ClientEntityInteract: 0x07ea,
  ClientEntitySelect: 0x0185,
  ServerEntityTargetUnit: 0x0908,
  ClientCastSpell: 0x009a,
  ServerItemAdd: 0x0111,
  ServerAbilities: 0x01a0,
  ServerActionSet: 0x019d,
  ServerCooldown: 0x0804,
  ServerSpellUpdate: 0x017b,
  ServerExperienceGained: 0x01ac,
  ServerSpellGo: 0x07f4,
  ServerSpellCastResult: 0x07fc,
  ServerSpellStart: 0x07ff,
  ServerEntityDeathState: 0x088c,
  ServerUnitEnteredCombat: 0x089a,
  ServerEntityHealthUpdate: 0x0937,
  ServerEntityStatUpdateInteger: 0x0938,
  ServerVendorItemsUpdated: 0x090b,
  ServerEntityCommand: 0x0638,
  ClientZoneChange: 0x063a,
  ServerPathLog: 0x06bc,
  ServerAchievementInit: 0x00ae,
  ServerAchievementUpdate: 0x00af,
  ClientVendorPurchase: 0x00be,
  ClientLogoutRequest: 0x00bf,
  ClientLogoutConfirm: 0x00c0,
  ServerCharacterCreate: 0x00dc,
  ClientEnteredWorld: 0x00f2,
  ServerGenericError: 0x0106,
  ServerCharacterList: 0x0117,
  ServerCharacterSelectFail: 0x0162,
  ServerTitleSet: 0x0189,
  ServerTitleUpdate: 0x018a,
  ServerTitles: 0x018b,
  ServerReputationUpdate: 0x01a5,
  ClientChat: 0x01c3,
  ServerChat: 0x01c8,
  ServerChatResult: 0x01d3,
  ClientPing: 0x0241,
  ClientEncrypted: 0x0244,
  ClientCharacterCreate: 0x025b,
  ClientPacked: 0x025c,
  ClientQuestAccept: 0x035b,
  ClientPackedWorld: 0x038c,
  ServerQuestStateChange: 0x035c,
  ClientQuestComplete: 0x035d,
  ServerRealmEncrypted: 0x03dc,
  ClientHelloRealm: 0x058f,
  ServerLogout: 0x0594,
  ServerForceKick: 0x036a,
  ServerCombatReward: 0x0919,
  ServerAccountCurrencySet: 0x0966,
  ClientTitleSet: 0x078e,
  ClientCharacterSelect: 0x07dd,
  ClientCharacterList: 0x07e0,
  // Mail: GameMessageOpcode.cs (NF-GR). Friendship: NF-NEW GameMessageOpcode.cs (0x03B4..0x03CB also in PR482 as Contacts*).
  ClientMailDelete: 0x011e,
  ClientMailOpen: 0x0122,
  ClientMailPayCod: 0x0123,
  ClientMailReturn: 0x0124,
  ClientMailTakeAttachment: 0x0126,
  ClientMailTakeCash: 0x0127,
  ClientMailSend: 0x0168,
  ServerMailResult: 0x05a2,
  ServerMailAvailable: 0x05a3,
  ServerUnlockMount: 0x0129,
  ServerPetCustomisationList: 0x012e, // NF-GR spells it ServerPetCustomizationList
  ServerPetCustomisation: 0x012f,
  ServerUnlockVanityPet: 0x01ae,
  ClientVehicleDisembark: 0x01af,
  ServerPetCustomisationFailed: 0x068b, // NF-NEW; Server068B in NF-GR
  ClientPetCustomisation: 0x07ed,
  ServerUnlockPetFlair: 0x068d,
  ClientSummonVanityPet: 0x082f,
  ServerVehiclePassengerAdd: 0x086f,
  Server089B: 0x089b,
  Server08B3: 0x08b3,
  ServerVehiclePassengerRemove: 0x08c7,
  ServerMailUnavailable: 0x05a7,
  ServerMailTakeAttachment: 0x05a8,
  ClientFriendshipAccountAddByIdentity: 0x03b3,
  ClientFriendshipAddByName: 0x03b4,
  ServerFriendshipAdd: 0x03b5,
  ServerFriendshipInviteList: 0x03ba,
  ServerFriendshipInviteRemove: 0x03bb,
  ClientFriendshipInviteResponse: 0x03bc,
  ServerFriendshipList: 0x03be,
  ClientFriendshipRemoveByIdentity: 0x03c1,
  ClientFriendshipRemoveByName: 0x03c2,
  ServerFriendshipRemove: 0x03c3,
  ServerFriendshipResult: 0x03c4,
  ClientFriendshipSetNoteByIdentity: 0x03c7,
  ServerFriendshipSetNote: 0x03c9,
  ServerFriendshipTypeUpdate: 0x03cb,
  // Storefront: NexusForever mainline GameMessageOpcode.cs and pull requests 411 / 482.
  ClientStorefrontPurchaseAccount: 0x0828,
  ClientStorefrontPurchaseCharacter: 0x082a,
  ClientStorefrontRequestCatalog: 0x082d,
  ClientStorefrontRequestPurchaseHistory: 0x082e,
  ServerStoreFinalise: 0x0987,
  ServerStoreCategories: 0x0988,
  ServerStoreOffers: 0x098b,
  ServerStorePurchaseResult: 0x098c,
  ServerStorePurchaseHistory: 0x098e,
};

describe("opcode table, derived from the packet modules", () => {
  it("has no duplicate value", () => {
    const values = entries.map(([, e]) => e.value);
    expect(new Set(values).size).toBe(values.length);
  });

  it("marks as genuine exactly the NexusForever opcodes, with their name and value", () => {
    const genuine = Object.fromEntries(entries.filter(([, e]) => e.origin === "genuine").map(([name, e]) => [name, e.value]));
    expect(genuine).toEqual(NEXUSFOREVER);
  });

  it("keeps every genuine opcode within the genuine enum and every extension in its range", () => {
    for (const [name, entry] of entries) {
      if (entry.origin === "genuine") {
        expect(entry.value, name).toBeLessThanOrEqual(GENUINE_OPCODE_MAX);
      } else {
        expect(entry.value, name).toBeGreaterThanOrEqual(EXTENSION_OPCODE_RANGE.first);
        expect(entry.value, name).toBeLessThanOrEqual(EXTENSION_OPCODE_RANGE.last);
      }
    }
    // The range sits above the highest genuine value, so it collides with nothing the client defines.
    expect(EXTENSION_OPCODE_RANGE.first).toBeGreaterThan(GENUINE_OPCODE_MAX);
    expect(EXTENSION_OPCODE_RANGE.last).toBeLessThanOrEqual(0xffff);
  });

  it("maps values back to names", () => {
    expect(opcodeName(0x01c3)).toBe("ClientChat");
    expect(opcodeName(0x0300)).toBeUndefined();
    expect(Opcode.ServerTitles).toBe(0x018b);
  });

  it("lists every opcode either as a packet or as a wrapper the channel handles", () => {
    const wrappers = new Set<number>(WRAPPER_OPCODES);
    for (const [name, entry] of entries) {
      const isPacket = name in clientPackets || name in serverPackets;
      expect(isPacket !== wrappers.has(entry.value), name).toBe(true);
    }
  });
});

describe("packet registry", () => {
  it("registers each packet under its name, opcode and direction", () => {
    for (const [direction, table] of [
      ["client", clientPackets],
      ["server", serverPackets],
    ] as const) {
      for (const [name, def] of Object.entries(table) as [string, AnyPacketDef][]) {
        expect(def.name).toBe(name);
        expect(def.direction).toBe(direction);
        expect(name.startsWith(direction === "client" ? "Client" : "Server")).toBe(true);
        const entry = (OPCODES as Record<string, { value: number; origin: string }>)[def.name];
        expect(def.opcode).toBe(entry?.value);
        expect(def.origin).toBe(entry?.origin);
        expect(packetByOpcode(direction, def.opcode)).toBe(def);
      }
    }
  });

  it("registers every packet module of every feature folder, one module per packet, and lists each once", async () => {
    const root = fileURLToPath(new URL("./packets/", import.meta.url));
    const folders = readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== "shared");
    const list = readFileSync(join(root, "index.ts"), "utf8");
    let modules = 0;
    for (const folder of folders) {
      for (const file of readdirSync(join(root, folder.name)).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts"))) {
        modules++;
        const mod = (await import(/* @vite-ignore */ pathToFileURL(join(root, folder.name, file)).href)) as Record<string, unknown>;
        const defs = Object.values(mod).filter((v): v is AnyPacketDef => typeof v === "object" && v !== null && "codec" in v && "opcode" in v);
        expect(defs.length, file).toBe(1);
        expect(defs[0]!.name).toBe(file.replace(/\.ts$/, ""));
        expect((PACKETS as Record<string, unknown>)[defs[0]!.name], `${folder.name}/${file} is missing from src/packets/index.ts`).toBe(defs[0]);
        expect(list.split(`"./${folder.name}/${file.replace(/\.ts$/, "")}"`).length - 1, file).toBe(1);
      }
    }
    expect(Object.keys(PACKETS).length).toBe(modules);
    expect(Object.keys(clientPackets).length + Object.keys(serverPackets).length).toBe(modules);
  });

  it("refuses a packet whose opcode does not fit its origin or whose name does not match its sender", () => {
    const bad = [
      { name: "ServerX", opcode: 0x0100, origin: "extension", direction: "server" },
      { name: "ServerX", opcode: 0xf100, origin: "extension", direction: "server" },
      { name: "ServerX", opcode: 0xf000, origin: "genuine", direction: "server" },
      { name: "ClientX", opcode: 0x0100, origin: "genuine", direction: "server" },
    ] as const;
    for (const definition of bad) {
      expect(() => definePacket({ ...definition, fields: {} }), JSON.stringify(definition)).toThrow(ProtocolError);
    }
    expect(definePacket({ name: "ServerX", opcode: 0xf0ff, origin: "extension", direction: "server", fields: {} }).opcode).toBe(0xf0ff);
  });

  it("keeps the known-but-unmodelled opcodes to the wrappers the channel handles", () => {
    expect(
      Object.values(KNOWN_OPCODES)
        .map((e) => e.value)
        .sort(),
    ).toEqual([...WRAPPER_OPCODES].sort());
  });
});
