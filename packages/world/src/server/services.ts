import type { Database, DbClient, GameRules } from "@bezgelor/db";
import type { GameData, ReputationScale } from "@bezgelor/data";
import type { Logger } from "pino";
import type { WorldConfig } from "../config/schema";
import type { DatabaseHealth } from "./database-health";
import type { Presence } from "./presence";
import type { OutgoingPacket } from "./outgoing";
import type { SessionRegistry } from "./session-registry";
import type { EventDelivery } from "../events/event-delivery";
import type { WorldMaps } from "../world/world-maps";

/** What every handler can reach: the database, the static data, who is online, the config. */
import type { LastCatalog } from "../journal/last-catalog";
import type { StoreJournal } from "../journal/store-journal";

export interface WorldServices {
  readonly config: WorldConfig;
  readonly database: Database;
  /** The database client handlers use (successful queries end a recorded outage). */
  readonly db: DbClient;
  /** Outages of the database as requests see them: logged once, answered "unavailable". */
  readonly health: DatabaseHealth;
  readonly data: GameData;
  readonly scale: ReputationScale;
  /** The data and scale together, as actions take them. */
  readonly rules: GameRules;
  readonly presence: Presence<OutgoingPacket>;
  readonly sessions: SessionRegistry;
  /** Delivers committed events to online players; flush() after an action to send its events now. */
  readonly events: EventDelivery;
  /** Every world's units: ids, visibility, movement (the simulation). */
  readonly world: WorldMaps;
  readonly logger: Logger;
  /** Server start, seconds since the epoch (ServerHello carries it). */
  readonly startedAt: number;
  /** The newest store catalog read (prices for purchases journaled while the database is down). */
  readonly lastCatalog: LastCatalog;
  /** Storefront purchases accepted while the database is down; absent when the server runs without one (tests). */
  readonly storeJournal: StoreJournal | undefined;
}
