import { describe, expect, it } from "vitest";
import * as api from "../src/index";

// The public surface is curated: adding or removing an export is a decision, made here on purpose.
const EXPECTED = [
  "AUTH_MESSAGE", "BitReader", "BitWriter", "CHARACTER_CREATE_RESULT", "CHARACTER_SELECT_RESULT", "CHAT_CHANNEL_TYPE",
  "CHAT_RESULT", "CLIENT_BUILD", "CONNECTION_TYPE_WORLD", "ClientCharacterCreate", "ClientCharacterList",
  "ClientCharacterSelect", "ClientChat", "ClientEnteredWorld", "ClientHelloRealm", "ClientLogoutConfirm",
  "ClientLogoutRequest", "ClientPing", "ClientQuestAccept", "ClientQuestComplete", "ClientTitleSet", "ClientVendorOpen",
  "ClientVendorPurchase", "DEFAULT_MAX_FRAME_SIZE", "EXTENSION_OPCODE_RANGE", "FRAME_HEADER_SIZE", "FrameAssembler",
  "GENERIC_ERROR", "GENUINE_OPCODE_MAX", "LOGOUT_REASON", "OPCODES", "Opcode", "PROTOCOL_ERROR_CODE", "PacketChannel",
  "PacketCrypt", "ProtocolError", "QUEST_STATE", "ServerAchievementInit", "ServerAchievementUpdate", "ServerChangeWorld",
  "ServerCharacterCreate", "ServerCharacterList", "ServerCharacterSelectFail", "ServerChat", "ServerChatResult",
  "ServerGenericError", "ServerHello", "ServerLogout", "ServerPlayerEnteredWorld", "ServerQuestStateChange",
  "ServerGoldChanged", "ServerInventoryUpdate", "ServerReputationList", "ServerReputationUpdate", "ServerRequestResult", "ServerTitleSet", "ServerTitleUpdate",
  "ServerTitles", "ServerVendorItems", "ServerVendorRefused", "WRAPPER_OPCODES", "benchCodec", "clientPackets",
  "decodePacketBody", "definePacket", "encodeFrame", "isProtocolError", "keyFromAuthBuildAndMessage", "keyFromSessionKey",
  "opcodeName", "packetByOpcode", "serverPackets", "t",
];

describe("public API", () => {
  it("exports exactly the curated names", () => {
    expect(Object.keys(api).sort()).toEqual([...EXPECTED].sort());
  });

  it("exports every packet of the registries by name", () => {
    for (const name of [...Object.keys(api.clientPackets), ...Object.keys(api.serverPackets)]) {
      expect(api[name as keyof typeof api], name).toBeDefined();
    }
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
});
