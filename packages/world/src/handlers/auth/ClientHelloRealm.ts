import { createHash } from "node:crypto";
import { CLIENT_BUILD, AUTH_MESSAGE, CONNECTION_TYPE_WORLD, ServerHello } from "@bezgelor/protocol";
import { DbError, validateSessionKey } from "@bezgelor/db";
import { WorldError } from "../../errors";
import type { Session } from "../../server/session";
import type { WorldServices } from "../../server/services";
import { handler } from "../types";

/** The first packet of every connection, encrypted with the build key. */
export function sendHello(session: Session, services: WorldServices): void {
  const { config, startedAt } = services;
  session.send(ServerHello, {
    authVersion: CLIENT_BUILD,
    realmId: config.server.realmId,
    realmGroupId: 21,
    realmGroupEnum: 0,
    startupTime: BigInt(startedAt),
    listenPort: config.server.port,
    connectionType: CONNECTION_TYPE_WORLD,
    authMessage: AUTH_MESSAGE,
    processId: process.pid,
    processCreationTime: BigInt(startedAt),
    unknown30: 0,
  });
}

/**
 * The client proves who it is with the key its realm server issued. Account id, email, key and key
 * age are checked in one query; any mismatch is a protocol violation (as in NexusForever). The
 * client switches to the key derived from its session key as soon as it has sent this packet, so
 * the session does too, before waiting for the database: any reply (an "unavailable" during an
 * outage included) is then readable. On success an older session of the same account is closed.
 */
export const clientHelloRealm = handler("ClientHelloRealm", {
  states: ["connected"],
  async handle({ session, services }, packet) {
    session.rekey(packet.sessionKey);
    let account;
    try {
      account = await validateSessionKey(services.db, {
        accountId: packet.accountId,
        email: packet.email,
        sessionKey: packet.sessionKey,
        lifetimeSeconds: services.config.db.sessionKeyLifetimeSeconds,
      });
    } catch (error) {
      if (error instanceof DbError && (error.code === "SESSION_INVALID" || error.code === "SESSION_EXPIRED")) {
        throw new WorldError("AUTH_FAILED", `login refused for account ${packet.accountId}: ${error.code}`, { cause: error });
      }
      throw error;
    }
    const loginScope = createHash("sha256").update(packet.sessionKey).digest("hex").slice(0, 16);
    session.setAccount({ id: account.id, email: account.email, loginScope });
    session.shownRole = account.role;
    session.state = "authenticated";
    services.sessions.claimAccount(session);
    session.logger.info("authenticated");
  },
});
