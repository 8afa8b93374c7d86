import { startSocialSweep } from "../game/social-sweep";
import { saveLocations, startWorldSimulation } from "../game/locations";
import { SYSTEM_CLOCK, WorldMaps, type WorldClock } from "../world/world-maps";
import { createServer, type Server, type Socket } from "node:net";
import type { Logger } from "pino";
import { recordCharacterOnline, type Database } from "@bezgelor/db";
import type { GameData } from "@bezgelor/data";
import { selectReputationScale } from "@bezgelor/data";
import { LOGOUT_REASON, ServerLogout } from "@bezgelor/protocol";
import type { WorldConfig } from "../config/schema";
import { HANDLERS } from "../handlers/index";
import { sendHello } from "../handlers/auth/ClientHelloRealm";
import { DatabaseHealth, observedClient } from "./database-health";
import { packet, type OutgoingPacket } from "./outgoing";
import { Presence } from "./presence";
import type { WorldServices } from "./services";
import { Session, type CloseReason } from "./session";
import { SessionRegistry } from "./session-registry";
import { listenError } from "./listen-error";
import { EventDelivery } from "../events/event-delivery";
import { recipientsOf } from "../events/recipients";
import { ThrottledLog } from "./throttled-log";
import { getStoreCatalog } from "@bezgelor/db";
import { LastCatalog } from "../journal/last-catalog";
import type { OfflineJournal } from "../journal/offline-journal";
import { StoreJournal } from "../journal/store-journal";

/**
 * Reads the store catalog and the database's identity once at start, so purchases can be
 * journaled (for this database) before anyone opened the store.
 */
async function rememberCatalog(services: WorldServices): Promise<void> {
  await services.storeJournal?.identify(); // logged inside when the database cannot be reached
  try {
    services.lastCatalog.remember(await getStoreCatalog(services.db, { data: services.data }));
  } catch (err) {
    services.logger.warn({ err }, "could not read the store catalog at start; purchases are journaled only after it is read");
  }
}

export interface WorldServerOptions {
  config: WorldConfig;
  database: Database;
  data: GameData;
  logger: Logger;
  /** The simulation's clock (tests advance their own); the system clock by default. */
  clock?: WorldClock;
  /**
   * The store's offline journal (`serve` opens `store.journalFile`): purchases made while the
   * database is down are kept there and applied when it is back. Without one they are refused as
   * unavailable. The server replays and closes it.
   */
  journal?: OfflineJournal;
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
 * @throws WorldError UNAVAILABLE when the port is taken, CONFIG_INVALID when the host or port
 * cannot be listened on (see `listenError`).
 */
export async function startWorldServer(options: WorldServerOptions): Promise<WorldServer> {
  const { config, database, data, logger } = options;
  const sessions = new SessionRegistry();
  const presence = new Presence<OutgoingPacket>();
  const scale = selectReputationScale(data, config.reputationScale);
  const health = new DatabaseHealth(logger);
  const db = observedClient(database.client, health);
  const world = new WorldMaps(options.clock ?? SYSTEM_CLOCK, { maxSpeed: config.world.maxSpeed, burstSeconds: config.world.burstSeconds }, data);
  const lastCatalog = new LastCatalog();
  const events = new EventDelivery({
    lastCatalog,
    database,
    // Claims on a connection of their own: on the pool they would queue behind every action
    // waiting for a connection, and each of those actions then waits for the claim.
    db: database.delivery ? observedClient(database.delivery, health) : db,
    data,
    recipients: recipientsOf({ sessions, presence, world }),
    realmId: config.server.realmId,
    logger: logger.child({ component: "events" }),
    ...config.events,
  });
  const services: WorldServices = {
    config,
    database,
    db,
    health,
    data,
    scale,
    rules: { data, scale },
    presence,
    sessions,
    events,
    world,
    logger,
    startedAt: Math.floor(Date.now() / 1000),
    lastCatalog,
    storeJournal: options.journal
      ? new StoreJournal(options.journal, {
          db,
          rules: { data, scale },
          logger: logger.child({ component: "store-journal" }),
          sessions,
          retryMs: config.store.journalRetrySeconds * 1000,
        })
      : undefined,
  };
  let nextId = 1;
  let stopping = false;
  /**
   * Accepted sockets not yet closed, overall and per address: what the connection caps count. A
   * closed session's socket still counts while it lingers (Session.lingerClose), so a client closed
   * for flooding cannot hold sockets past the caps by never closing its side.
   */
  let connected = 0;
  const perAddress = new Map<string, number>();
  const refusedLogs = {
    maxConnections: new ThrottledLog(logger, "warn", "connection refused: too many connections"),
    maxConnectionsPerAddress: new ThrottledLog(logger, "warn", "connection refused: too many connections from one address"),
  };
  const acceptLog = new ThrottledLog(logger, "error", "accepting a connection failed");
  /** Last-online stamps still being written; shutdown waits for them before the database closes. */
  const stamping = new Set<Promise<unknown>>();

  const stampLastOnline = (session: Session, characterId: number) => {
    const write = recordCharacterOnline(services.db, { characterId })
      .catch((err: unknown) => session.logger.warn({ err, characterId }, "could not record the character's last online time"))
      .finally(() => stamping.delete(write));
    stamping.add(write);
  };

  /** Takes the character's unit out of its world and saves where it stood (awaited by shutdown). */
  const leaveWorld = (characterId: number) => {
    const place = services.world.leave(characterId);
    if (!place) return;
    const write = saveLocations(services, [place]).finally(() => stamping.delete(write));
    stamping.add(write);
  };

  const onClose = (session: Session, why: CloseReason, wasState: string) => {
    sessions.remove(session);
    // Everything the session published goes, whatever a handler still in flight set meanwhile.
    services.presence.leavePeer(session);
    if (session.character && (wasState === "in-world" || wasState === "entering")) {
      stampLastOnline(session, session.character.id);
      leaveWorld(session.character.id);
    }
    logger.debug({ session: session.id, reason: why.reason, open: sessions.size }, "session removed");
  };

  const server: Server = createServer((socket: Socket) => {
    if (stopping) {
      socket.destroy();
      return;
    }
    const address = socket.remoteAddress ?? "unknown";
    const fromAddress = perAddress.get(address) ?? 0;
    const { maxConnections, maxConnectionsPerAddress } = config.server;
    if (connected >= maxConnections || fromAddress >= maxConnectionsPerAddress) {
      const limit = connected >= maxConnections ? "maxConnections" : "maxConnectionsPerAddress";
      refusedLogs[limit].log({ remote: address, limit, open: connected, fromAddress, maxConnections, maxConnectionsPerAddress });
      socket.destroy();
      return;
    }
    connected += 1;
    perAddress.set(address, fromAddress + 1);
    socket.once("close", () => {
      connected -= 1;
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
    });
    const session = new Session(nextId++, socket, services, HANDLERS, { onClose });
    sessions.add(session);
    session.logger.info("connected");
    sendHello(session, services);
  });

  await new Promise<void>((resolve, reject) => {
    const refused = (error: NodeJS.ErrnoException) => reject(listenError(error, config.server.host, config.server.port));
    server.once("error", refused);
    server.listen(config.server.port, config.server.host, () => {
      server.off("error", refused);
      resolve();
    });
  });
  await events.start();
  await rememberCatalog(services);
  services.storeJournal?.start();
  const stopSweep = startSocialSweep(services);
  const stopSimulation = startWorldSimulation(services);
  // After listening, errors here are failed accepts (EMFILE when out of file descriptors, ...):
  // the server keeps running, so they are logged, throttled, rather than thrown.
  server.on("error", (err: NodeJS.ErrnoException) => acceptLog.log({ err, code: err.code, open: sessions.size }));
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
      await stopSweep();
      await stopSimulation();
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
      // One packet for every player in the world: encoded once, sealed per session.
      const logout = packet(ServerLogout, { requested: false, reason: LOGOUT_REASON.WorldServerConnectionLost });
      for (const s of open) {
        if (s.state === "in-world") s.deliver(logout);
        s.close({ reason, violation: false });
      }
      await Promise.all([...stamping]);
      await closed;
      await events.stop();
      await services.storeJournal?.stop();
      logger.info("world server stopped");
    },
  };
}
