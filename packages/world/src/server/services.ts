import type { Database, DbClient } from "@bezgelor/db";
import type { GameData, ReputationScale } from "@bezgelor/data";
import type { Logger } from "pino";
import type { WorldConfig } from "../config/schema";
import type { DatabaseHealth } from "./database-health";
import type { Presence } from "./presence";
import type { OutgoingPacket } from "./outgoing";
import type { SessionRegistry } from "./session-registry";

/** What every handler can reach: the database, the static data, who is online, the config. */
export interface WorldServices {
  readonly config: WorldConfig;
  readonly database: Database;
  /** The database client handlers use (successful queries end a recorded outage). */
  readonly db: DbClient;
  /** Outages of the database as requests see them: logged once, answered "unavailable". */
  readonly health: DatabaseHealth;
  readonly data: GameData;
  readonly scale: ReputationScale;
  readonly presence: Presence<OutgoingPacket>;
  readonly sessions: SessionRegistry;
  readonly logger: Logger;
  /** Server start, seconds since the epoch (ServerHello carries it). */
  readonly startedAt: number;
}
