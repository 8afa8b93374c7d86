import { z } from "zod";
import { DbConfigSchema } from "@bezgelor/db";

/**
 * `schema` (one of the db package's settings, which coerce, for its other callers) taking only a
 * number: a config file's "24000", [] or true, or a variable that is not written in digits (load.ts
 * turns those into numbers), is refused instead of coerced. The settings of this file are plain
 * `z.number()` for the same reason.
 */
function numberOnly<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === undefined || typeof value === "number" ? value : Number.NaN), schema);
}

/** Log levels pino understands; `silent` turns logging off (tests). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Reputation scales shipped in the data package, selectable by configuration. */
export const REPUTATION_SCALES = ["classic", "wildstar"] as const;

/** The world server's own section of the configuration. */
export const ServerConfigSchema = z.strictObject({
  host: z.string().min(1).default("0.0.0.0"),
  port: z.number().int().min(0).max(65535).default(24000),
  /** Largest frame accepted from a client, in bytes, header included. */
  maxFrameSize: z
    .number()
    .int()
    .min(64)
    .max(16 * 1024 * 1024)
    .default(64 * 1024),
  /** A session that sends nothing for this long is disconnected. */
  idleTimeoutSeconds: z.number().min(0.1).default(120),
  /** A connection must complete login (a valid ClientHelloRealm) this soon after connecting, whatever it sends. */
  loginTimeoutSeconds: z.number().min(0.05).default(30),
  /** Once a frame's first byte arrives, the whole frame must arrive this soon (slow trickles are closed). */
  frameTimeoutSeconds: z.number().min(0.05).default(10),
  /** Open connections the server accepts in total; more are closed at once. */
  maxConnections: z.number().int().min(1).default(2000),
  /** Open connections the server accepts from one IP address; more are closed at once. */
  maxConnectionsPerAddress: z.number().int().min(1).default(16),
  /** Packets per second a session may sustain, and the burst it may spend at once. */
  rateLimitPerSecond: z.number().int().min(1).default(50),
  rateLimitBurst: z.number().int().min(1).default(200),
  /** How long SIGTERM waits for in-flight packets before closing sessions anyway. */
  shutdownGraceSeconds: z.number().min(0).default(10),
  /**
   * Bytes a session may have waiting to be sent (queued this turn plus the socket's own buffer)
   * before it is disconnected as a slow client; bounds what one peer that stops reading costs.
   */
  maxOutgoingBytes: z
    .number()
    .int()
    .min(64 * 1024)
    .default(1024 * 1024),
  realmId: z.number().int().min(0).default(1),
});

/** Delivery of game events (the outbox) to online players. */
export const EventsConfigSchema = z.strictObject({
  /** How often to look for events that no notification announced (other processes on PGlite). */
  pollIntervalMs: z.number().int().min(50).max(60_000).default(1000),
  /** Delivered events are kept this long (for inspection), then deleted. */
  retentionSeconds: z.number().int().min(0).default(86_400),
});

/**
 * Friend lists (issue 10): per-character limits, waiting invites per character, how long an invite
 * lives, and how often the server sweeps expired invites. Passed to the db friend actions as
 * `FriendsOptions`.
 */
export const FriendsConfigSchema = z.strictObject({
  maxFriends: z.number().int().min(0).max(10_000).default(100),
  maxIgnored: z.number().int().min(0).max(10_000).default(100),
  maxRivals: z.number().int().min(0).max(10_000).default(100),
  maxPendingInvites: z.number().int().min(1).max(10_000).default(10),
  /** Seconds a friend invite waits for an answer (default 7 days). */
  inviteLifetimeSeconds: z
    .number()
    .int()
    .min(1)
    .max(365 * 86_400)
    .default(7 * 86_400),
});

/**
 * Mail (issue 10): postage, the gold (copper) a player pays per mail sent (a sink with its ledger
 * entry); expiryDays, how long mail waits before it is returned or settled; and how often the
 * server sweeps expired mail and friend invites. Passed to the db mail actions as `MailOptions`.
 */
export const MailConfigSchema = z.strictObject({
  postage: z.number().int().min(0).max(1_000_000_000).default(10),
  expiryDays: z.number().int().min(1).max(3650).default(30),
  /** Seconds between sweeps of expired mail and friend invites. */
  sweepIntervalSeconds: z.number().int().min(1).max(86_400).default(300),
});

/**
 * The world simulation (issue 13): how often it steps (visibility from where units moved), how
 * often changed places are saved, and the movement sanity limit.
 */
export const WorldSimConfigSchema = z.strictObject({
  /** Milliseconds between simulation steps (NexusForever relocates units on its grid once a second). */
  tickMilliseconds: z.number().int().min(10).max(10_000).default(250),
  /** Seconds between saves of the characters' places that changed since their last save (every place is also saved on leaving the world). */
  saveIntervalSeconds: z.number().int().min(1).max(86_400).default(60),
  /** Horizontal metres per second no player may exceed (running is about 7, fast mounts 20-30). */
  maxSpeed: z.number().min(1).max(1000).default(50),
  /** Seconds of travel at maxSpeed a player may cover at once, for packets that arrive late and bunched. */
  burstSeconds: z.number().min(0.1).max(60).default(2),
});

/** The storefront's offline journal (issue 12): purchases accepted while the database is down. */
export const StoreConfigSchema = z.strictObject({
  /** The journal file (fsync'd per purchase); keep it on a disk that survives the server. */
  journalFile: z.string().min(1).default(".data/store-journal.jsonl"),
  /** Seconds between replays while purchases wait in the journal. */
  journalRetrySeconds: z.number().min(0.05).max(3600).default(5),
});

/**
 * The whole configuration, validated once at start-up. Every object is strict: a setting the
 * server does not know (a misspelling in the config file) is refused by name, never ignored.
 */
export const WorldConfigSchema = z.strictObject({
  logLevel: z.enum(LOG_LEVELS).default("info"),
  /** Directory of the operator's own game data; the shipped sample data when unset. */
  gameDataDir: z.string().min(1).optional(),
  reputationScale: z.enum(REPUTATION_SCALES).default("classic"),
  server: ServerConfigSchema.default(ServerConfigSchema.parse({})),
  // Strict like the sections here: a misspelled setting in the config file is refused, not ignored.
  db: z
    .strictObject({
      ...DbConfigSchema.shape,
      sessionKeyLifetimeSeconds: numberOnly(DbConfigSchema.shape.sessionKeyLifetimeSeconds),
      poolSize: numberOnly(DbConfigSchema.shape.poolSize),
      lockWaitSeconds: numberOnly(DbConfigSchema.shape.lockWaitSeconds),
    })
    .default(DbConfigSchema.parse({})),
  events: EventsConfigSchema.default(EventsConfigSchema.parse({})),
  friends: FriendsConfigSchema.default(FriendsConfigSchema.parse({})),
  mail: MailConfigSchema.default(MailConfigSchema.parse({})),
  world: WorldSimConfigSchema.default(WorldSimConfigSchema.parse({})),
  store: StoreConfigSchema.default(StoreConfigSchema.parse({})),
});

export type WorldConfig = z.infer<typeof WorldConfigSchema>;
export type ServerConfig = z.infer<typeof ServerConfigSchema>;
export type FriendsConfig = z.infer<typeof FriendsConfigSchema>;
export type MailConfig = z.infer<typeof MailConfigSchema>;
export type WorldSimConfig = z.infer<typeof WorldSimConfigSchema>;
