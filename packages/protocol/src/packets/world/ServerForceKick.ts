import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** `reason` values of {@link ServerForceKick} (NexusForever `Message/Static/ForceKickReason.cs`). */
export const FORCE_KICK_REASON = {
  GMKick: 0x06,
  Inactivity: 0x07,
  AuthDisconnect: 0x08,
  StsDisconnect: 0x0c,
  WorldDisconnect: 0x0f,
  GameTimeExpired: 0x10,
  AccountDisconnect: 0x13,
  TransactionFail: 0x14,
} as const;

/**
 * The server is disconnecting the client, and why; the client shows the reason (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerForceKick.cs`, opcode 0x036A in
 * `Source/NexusForever.Network/Message/GameMessageOpcode.cs`): u5 {@link FORCE_KICK_REASON}. This
 * server sends AccountDisconnect to a session whose account logged in elsewhere.
 */
export const ServerForceKick = definePacket({
  name: "ServerForceKick",
  opcode: 0x036a,
  origin: "genuine",
  direction: "server",
  fields: {
    reason: t.uint(5),
  },
});
