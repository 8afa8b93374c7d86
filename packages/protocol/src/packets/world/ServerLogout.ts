import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** `reason` values of {@link ServerLogout} (NexusForever `LogoutReason`). */
export const LOGOUT_REASON = {
  None: 0,
  Kicked: 6,
  Idle: 7,
  UserServerConnectionLost: 8,
  AuthServerConnectionLost: 12,
  WorldServerConnectionLost: 15,
  GameTimeExhausted: 16,
  AccountDisconnected: 19,
  DatabaseTransactionFailure: 20,
  GenericError: 31,
} as const;

/** The character left the world (NexusForever `Model/ServerLogout.cs`). */
export const ServerLogout = definePacket({
  name: "ServerLogout",
  opcode: 0x0594,
  origin: "genuine",
  direction: "server",
  fields: {
    requested: t.bool,
    reason: t.uint(5),
  },
});
