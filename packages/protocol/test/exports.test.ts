import { describe, expect, it } from "vitest";
import * as api from "../src/index";

// The public surface is curated: adding or removing an export is a decision, made here on purpose.
// Packet definitions are the exception: every packet module listed in src/packets/index.ts is
// exported by its name, so they come from the registries (the second test checks both ways).
const CURATED = [
  "ITEM_UPDATE_REASON",
  "INVENTORY_LOCATION",
  "EXP_REASON",
  "EFFECT_INFO_TYPE",
  "DAMAGE_TYPE",
  "COMBAT_RESULT",
  "CAST_RESULT",
  "COOLDOWN_TYPE",
  "SHORTCUT_TYPE",
  "LIMITED_ACTION_SET_RESULT",
  "ACTION_SET",
  "ACCOUNT_CURRENCY_TYPE",
  "AUTH_MESSAGE",
  "BitReader",
  "BitWriter",
  "CHARACTER_CREATE_RESULT",
  "CHARACTER_SELECT_RESULT",
  "CHAT_CHANNEL_TYPE",
  "CHAT_RESULT",
  "CLIENT_BUILD",
  "CipherTarget",
  "COMBAT_REWARD_STAT",
  "CONNECTION_TYPE_WORLD",
  "DEFAULT_MAX_FRAME_SIZE",
  "DISCOUNT_TYPE",
  "ENTITY_COMMAND",
  "ENTITY_CREATE_FLAG",
  "ENTITY_MODE",
  "ENTITY_STATE_FLAG",
  "ENTITY_TYPE",
  "EXTENSION_OPCODE_RANGE",
  "FORCE_KICK_REASON",
  "FRAME_HEADER_SIZE",
  "FrameAssembler",
  "GENERIC_ERROR",
  "GENUINE_OPCODE_MAX",
  "INTERACTION_EVENT",
  "KNOWN_OPCODES",
  "LOGOUT_REASON",
  "MAX_WRAPPER_DEPTH",
  "OPCODES",
  "Opcode",
  "PACKETS",
  "PET_NICKNAME_KIND",
  "PROMO_CODE_RESULT",
  "PROMO_REWARD_KIND",
  "PLAYER_CREATE_MONEY_SLOTS",
  "PLAYER_CREATE_TRADESKILL_SLOTS",
  "PROPERTY",
  "PROTOCOL_ERROR_CODE",
  "PacketChannel",
  "PacketCrypt",
  "ProtocolError",
  "QUEST_STATE",
  "REAL_CURRENCY",
  "STORE_CURRENCY_ID",
  "STAT",
  "STAT_TYPE",
  "WRAPPER_OPCODES",
  "benchCodec",
  "clientPackets",
  "decodePacketBody",
  "definePacket",
  "encodeFrame",
  "encodePacket",
  "entityCommand",
  "isProtocolError",
  "keyFromAuthBuildAndMessage",
  "keyFromSessionKey",
  "opcodeName",
  "packetByOpcode",
  "plainWords",
  "sealedSize",
  "serverPackets",
  "t",
  "VEHICLE_SEAT_TYPE",
  "unlockedFlairField",
];
const EXPECTED = [...CURATED, ...Object.keys(api.clientPackets), ...Object.keys(api.serverPackets)];

describe("public API", () => {
  it("exports exactly the curated names", () => {
    expect(Object.keys(api).sort()).toEqual([...EXPECTED].sort());
  });

  it("exports every packet of the registries by name, and every exported packet is registered", () => {
    for (const name of [...Object.keys(api.clientPackets), ...Object.keys(api.serverPackets)]) {
      expect(api[name as keyof typeof api], name).toBeDefined();
    }
    const exportedDefs = Object.entries(api).filter(([, v]) => typeof v === "object" && v !== null && "codec" in v && "opcode" in v);
    expect(exportedDefs.map(([name]) => name).sort()).toEqual(Object.keys(api.PACKETS).sort());
    expect(Object.keys(api.PACKETS).length).toBeGreaterThan(30);
  });
});

describe("benchCodec", () => {
  it("measures both paths and returns finite rates", () => {
    const result = api.benchCodec({ seconds: 0.05 });
    expect(result.mixSize).toBe(20);
    expect(result.codecPacketsPerSecond).toBeGreaterThan(0);
    expect(result.bufferPacketsPerSecond).toBeGreaterThan(0);
    expect(result.ratio).toBeCloseTo(result.codecPacketsPerSecond / result.bufferPacketsPerSecond);
  });

  it("measures one chat line on its own", () => {
    const result = api.benchCodec({ seconds: 0.05, packets: "chat" });
    expect(result.mixSize).toBe(1);
    expect(result.bytesPerPacket).toBeGreaterThan(150);
    expect(result.ratio).toBeGreaterThan(0);
  });
});
