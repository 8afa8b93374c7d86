import { FORCE_KICK_REASON, LOGOUT_REASON, type ReceivedPacket } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import { closeCode, closeReason } from "./close-reason";

const logout = (requested: boolean, reason: number) => ({ name: "ServerLogout", value: { requested, reason } }) as ReceivedPacket<"client">;
const kick = (reason: number) => ({ name: "ServerForceKick", value: { reason } }) as ReceivedPacket<"client">;

describe("closeReason", () => {
  it("names the logout reason the server gave when it logged the character out (a shutdown: WorldServerConnectionLost)", () => {
    expect(closeReason([logout(false, LOGOUT_REASON.WorldServerConnectionLost)])).toBe(" (logged out by the server: WorldServerConnectionLost, reason 15)");
    expect(closeReason([logout(false, 3)])).toBe(" (logged out by the server: an unknown reason, reason 3)");
  });

  it("says the account logged in elsewhere for that kick, and the kick's number for others", () => {
    expect(closeReason([kick(FORCE_KICK_REASON.AccountDisconnect)])).toBe(" (the account logged in elsewhere)");
    expect(closeReason([kick(FORCE_KICK_REASON.AccountDisconnect + 1)])).toBe(` (ServerForceKick reason ${FORCE_KICK_REASON.AccountDisconnect + 1})`);
  });

  it("says nothing for a logout the client asked for or when the server said nothing; the last word wins", () => {
    expect(closeReason([])).toBe("");
    expect(closeReason([logout(true, LOGOUT_REASON.None)])).toBe("");
    expect(closeReason([kick(FORCE_KICK_REASON.AccountDisconnect), logout(false, LOGOUT_REASON.Kicked)])).toBe(" (logged out by the server: Kicked, reason 6)");
  });
});

describe("closeCode", () => {
  it("is CONFLICT for the kick of a login elsewhere (exit 4: another login holds the account), DISCONNECTED for anything else", () => {
    expect(closeCode([kick(FORCE_KICK_REASON.AccountDisconnect)])).toBe("CONFLICT");
    expect(closeCode([kick(FORCE_KICK_REASON.AccountDisconnect + 1)])).toBe("DISCONNECTED");
    expect(closeCode([])).toBe("DISCONNECTED");
    expect(closeCode([kick(FORCE_KICK_REASON.AccountDisconnect), logout(false, LOGOUT_REASON.Kicked)])).toBe("DISCONNECTED");
  });
});
