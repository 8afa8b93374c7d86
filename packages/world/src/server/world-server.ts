import { createServer, type Server, type Socket } from "node:net";
import type { Logger } from "pino";
import type { Database } from "@bezgelor/db";
import type { GameData } from "@bezgelor/data";
import { selectReputationScale } from "@bezgelor/data";
import { LOGOUT_REASON, ServerLogout } from "@bezgelor/protocol";
import type { WorldConfig } from "../config/schema";
import { HANDLERS } from "../handlers/index";
import { sendHello } from "../handlers/auth/hello";
import type { OutgoingPacket } from "./outgoing";
import { Presence } from "./presence";
import type { WorldServices } from "./services";
import { Session, type CloseReason } from "./session";
import { SessionRegistry } from "./session-registry";
import { EventDelivery } from "../events/event-delivery";
import { recipientsOf } from "../events/recipients";

export interface WorldServerOptions {
  config: WorldConfig;
  database: Database;
  data: GameData;
  logger: Logger;
}

/** A running world server. */
export interface WorldServer {
  readonly host: string;
  readonly port: number;
  readonly services: WorldServices;
  /** Open sessions, by id. */
  readonly sessions: SessionRegistry;
  /**
   * Stops accepting, lets every session finish the packets it already received (up to the
   * configured grace), tells in-world clients they are logged out, and closes every socket.
   * The database stays open: its owner closes it after this resolves.
   */
  shutdown(reason?: string): Promise<void>;
}

/**
 * Starts listening. Resolves once the port is bound.
 * @throws the listen error (port in use, permission) as Node reports it.
 */
export async function startWorldServer(options: WorldServerOptions): Promise<WorldServer> {
  const { config, database, data, logger } = options;
  const sessions = new SessionRegistry();
  const presence = new Presence<OutgoingPacket>();
  const scale = selectReputationScale(data, config.reputationScale);
  const events = new EventDelivery({
    database,
    db: database.client,
    data,
    recipients: recipientsOf({ sessions, presence }),
    logger: logger.child({ component: "events" }),
    ...config.events,
  });
  const services: WorldServices = {
    config,
    database,
    db: database.client,
    data,
    scale,
    rules: { data, scale },
    presence,
    sessions,
    events,
    logger,
    startedAt: Math.floor(Date.now() / 1000),
  };
  let nextId = 1;
  let stopping = false;

  const onClose = (session: Session, why: CloseReason) => {
    sessions.remove(session);
    if (session.character) services.presence.leave(session.character.id);
    logger.debug({ session: session.id, reason: why.reason, open: sessions.size }, "session removed");
  };

  const server: Server = createServer((socket: Socket) => {
    if (stopping) {
      socket.destroy();
      return;
    }
    const session = new Session(nextId++, socket, services, HANDLERS, { onClose });
    sessions.add(session);
    session.logger.info("connected");
    sendHello(session, services);
  });
  server.on("error", (err) => logger.error({ err }, "listener error"));

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.server.port, config.server.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  await events.start();
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.server.port;
  logger.info({ host: config.server.host, port, database: database.kind }, "world server listening");

  return {
    host: config.server.host,
    port,
    services,
    sessions,
    async shutdown(reason = "shutdown") {
      if (stopping) return;
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const open = sessions.all();
      logger.info({ sessions: open.length, reason }, "shutting down: draining sessions");
      for (const s of open) s.stopReading();
      const graceMs = config.server.shutdownGraceSeconds * 1000;
      const drained = await Promise.race([
        Promise.all(open.map((s) => s.drain())).then(() => true),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), graceMs).unref()),
      ]);
      if (!drained) logger.warn({ graceMs }, "grace period over with packets still in flight");
      for (const s of open) {
        if (s.state === "in-world") s.send(ServerLogout, { requested: false, reason: LOGOUT_REASON.WorldServerConnectionLost });
        s.close({ reason, violation: false });
      }
      await closed;
      await events.stop();
      logger.info("world server stopped");
    },
  };
}
