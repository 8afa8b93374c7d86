import { readFileSync } from "node:fs";
import { z } from "zod";
import { WorldConfigSchema, type WorldConfig } from "./schema";
import { WorldError } from "../errors";
import { plainIssue } from "../plain-issue";

/**
 * Environment variables the server reads, and where each lands in the config.
 * This module is the only place in the project that reads `process.env`.
 */
export const ENV_VARS = {
  BEZGELOR_CONFIG: "path of a JSON config file (same shape as the config; env wins)",
  DATABASE_URL: "db.url: PostgreSQL connection string; when set, PostgreSQL is used",
  BEZGELOR_DB_DIR: "db.dir: embedded database directory (default .data/db)",
  BEZGELOR_SESSION_KEY_LIFETIME: "db.sessionKeyLifetimeSeconds (default 1800)",
  BEZGELOR_DB_POOL_SIZE: "db.poolSize: database connections of this process, 1..1000 (default twice the cores plus one, at least 10)",
  BEZGELOR_DB_LOCK_WAIT: "db.lockWaitSeconds: seconds to wait for the embedded directory another process holds without sharing, 0..3600 (default 30)",
  BEZGELOR_GAME_DATA: "gameDataDir: static game data directory (default: shipped sample data)",
  BEZGELOR_REPUTATION_SCALE: "reputationScale: classic (default) or wildstar",
  BEZGELOR_LOG_LEVEL: "logLevel: fatal|error|warn|info|debug|trace|silent (default info)",
  BEZGELOR_HOST: "server.host (default 0.0.0.0)",
  BEZGELOR_PORT: "server.port (default 24000)",
  BEZGELOR_MAX_FRAME_SIZE: "server.maxFrameSize in bytes (default 65536)",
  BEZGELOR_IDLE_TIMEOUT: "server.idleTimeoutSeconds (default 120)",
  BEZGELOR_LOGIN_TIMEOUT: "server.loginTimeoutSeconds (default 30)",
  BEZGELOR_FRAME_TIMEOUT: "server.frameTimeoutSeconds (default 10)",
  BEZGELOR_MAX_CONNECTIONS: "server.maxConnections (default 2000)",
  BEZGELOR_MAX_CONNECTIONS_PER_ADDRESS: "server.maxConnectionsPerAddress (default 16)",
  BEZGELOR_RATE_LIMIT: "server.rateLimitPerSecond (default 50)",
  BEZGELOR_RATE_BURST: "server.rateLimitBurst (default 200)",
  BEZGELOR_SHUTDOWN_GRACE: "server.shutdownGraceSeconds (default 10)",
  BEZGELOR_MAX_OUTGOING_BYTES: "server.maxOutgoingBytes: bytes waiting to be sent before a slow client is disconnected (default 1048576)",
  BEZGELOR_EVENT_POLL_INTERVAL: "events.pollIntervalMs: milliseconds between polls for other processes' events (default 1000)",
  BEZGELOR_EVENT_RETENTION: "events.retentionSeconds: how long delivered events are kept (default 86400)",
  BEZGELOR_FRIENDS_MAX: "friends.maxFriends: friends per character (default 100)",
  BEZGELOR_FRIENDS_MAX_IGNORED: "friends.maxIgnored: ignored characters per character (default 100)",
  BEZGELOR_FRIENDS_MAX_RIVALS: "friends.maxRivals: rivals per character (default 100)",
  BEZGELOR_FRIENDS_MAX_PENDING_INVITES: "friends.maxPendingInvites: invites waiting for one character (default 10)",
  BEZGELOR_FRIEND_INVITE_LIFETIME: "friends.inviteLifetimeSeconds: seconds an invite waits (default 604800, 7 days)",
  BEZGELOR_MAIL_POSTAGE: "mail.postage: gold (copper) per mail sent (default 10)",
  BEZGELOR_MAIL_EXPIRY_DAYS: "mail.expiryDays: days before mail is returned or settled (default 30)",
  BEZGELOR_MAIL_SWEEP_INTERVAL: "mail.sweepIntervalSeconds: seconds between sweeps of expired mail and invites (default 300)",
  BEZGELOR_WORLD_TICK: "world.tickMilliseconds: milliseconds between simulation steps (default 250)",
  BEZGELOR_WORLD_SAVE_INTERVAL: "world.saveIntervalSeconds: seconds between saves of the places that changed since their last save (default 60)",
  BEZGELOR_MAX_SPEED: "world.maxSpeed: horizontal metres per second no player may exceed (default 50)",
  BEZGELOR_STORE_JOURNAL: "store.journalFile: the offline journal of storefront purchases made while the database is down (default .data/store-journal.jsonl)",
  BEZGELOR_STORE_JOURNAL_RETRY: "store.journalRetrySeconds: seconds between replays while purchases wait in the journal (default 5)",
} as const;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Which setting each variable of {@link ENV_VARS} sets, so loading reads them in one loop and a
 * refusal names the variable the operator set (and the setting), not only the setting.
 */
export const ENV_SETTINGS: ReadonlyArray<{ env: keyof typeof ENV_VARS; setting: string; numeric?: true; secret?: true }> = [
  { env: "DATABASE_URL", setting: "db.url", secret: true },
  { env: "BEZGELOR_DB_DIR", setting: "db.dir" },
  { env: "BEZGELOR_SESSION_KEY_LIFETIME", setting: "db.sessionKeyLifetimeSeconds", numeric: true },
  { env: "BEZGELOR_DB_POOL_SIZE", setting: "db.poolSize", numeric: true },
  { env: "BEZGELOR_DB_LOCK_WAIT", setting: "db.lockWaitSeconds", numeric: true },
  { env: "BEZGELOR_GAME_DATA", setting: "gameDataDir" },
  { env: "BEZGELOR_REPUTATION_SCALE", setting: "reputationScale" },
  { env: "BEZGELOR_LOG_LEVEL", setting: "logLevel" },
  { env: "BEZGELOR_HOST", setting: "server.host" },
  { env: "BEZGELOR_PORT", setting: "server.port", numeric: true },
  { env: "BEZGELOR_MAX_FRAME_SIZE", setting: "server.maxFrameSize", numeric: true },
  { env: "BEZGELOR_IDLE_TIMEOUT", setting: "server.idleTimeoutSeconds", numeric: true },
  { env: "BEZGELOR_LOGIN_TIMEOUT", setting: "server.loginTimeoutSeconds", numeric: true },
  { env: "BEZGELOR_FRAME_TIMEOUT", setting: "server.frameTimeoutSeconds", numeric: true },
  { env: "BEZGELOR_MAX_CONNECTIONS", setting: "server.maxConnections", numeric: true },
  { env: "BEZGELOR_MAX_CONNECTIONS_PER_ADDRESS", setting: "server.maxConnectionsPerAddress", numeric: true },
  { env: "BEZGELOR_RATE_LIMIT", setting: "server.rateLimitPerSecond", numeric: true },
  { env: "BEZGELOR_RATE_BURST", setting: "server.rateLimitBurst", numeric: true },
  { env: "BEZGELOR_SHUTDOWN_GRACE", setting: "server.shutdownGraceSeconds", numeric: true },
  { env: "BEZGELOR_MAX_OUTGOING_BYTES", setting: "server.maxOutgoingBytes", numeric: true },
  { env: "BEZGELOR_EVENT_POLL_INTERVAL", setting: "events.pollIntervalMs", numeric: true },
  { env: "BEZGELOR_EVENT_RETENTION", setting: "events.retentionSeconds", numeric: true },
  { env: "BEZGELOR_FRIENDS_MAX", setting: "friends.maxFriends", numeric: true },
  { env: "BEZGELOR_FRIENDS_MAX_IGNORED", setting: "friends.maxIgnored", numeric: true },
  { env: "BEZGELOR_FRIENDS_MAX_RIVALS", setting: "friends.maxRivals", numeric: true },
  { env: "BEZGELOR_FRIENDS_MAX_PENDING_INVITES", setting: "friends.maxPendingInvites", numeric: true },
  { env: "BEZGELOR_FRIEND_INVITE_LIFETIME", setting: "friends.inviteLifetimeSeconds", numeric: true },
  { env: "BEZGELOR_MAIL_POSTAGE", setting: "mail.postage", numeric: true },
  { env: "BEZGELOR_MAIL_EXPIRY_DAYS", setting: "mail.expiryDays", numeric: true },
  { env: "BEZGELOR_MAIL_SWEEP_INTERVAL", setting: "mail.sweepIntervalSeconds", numeric: true },
  { env: "BEZGELOR_WORLD_TICK", setting: "world.tickMilliseconds", numeric: true },
  { env: "BEZGELOR_WORLD_SAVE_INTERVAL", setting: "world.saveIntervalSeconds", numeric: true },
  { env: "BEZGELOR_MAX_SPEED", setting: "world.maxSpeed", numeric: true },
  { env: "BEZGELOR_STORE_JOURNAL", setting: "store.journalFile" },
  { env: "BEZGELOR_STORE_JOURNAL_RETRY", setting: "store.journalRetrySeconds", numeric: true },
];

/**
 * One config refusal in plain words: the variable that set the value and its setting
 * ("BEZGELOR_PORT (server.port): must be at most 65535, got 70000"), or the setting alone when the
 * value came from the config file. The value is echoed unless it may hold a secret (DATABASE_URL).
 */
function describeConfigIssue(issue: z.core.$ZodIssue, env: Env): string {
  // Only the config file can hold a setting that does not exist (the variables are a fixed list).
  if (issue.code === "unrecognized_keys") return issue.keys.map((key) => `${[...issue.path, key].join(".")}: not a setting (misspelled?)`).join("\n  ");
  const setting = issue.path.join(".") || "(root)";
  const row = ENV_SETTINGS.find((e) => e.setting === setting && env[e.env] !== undefined && env[e.env] !== "");
  const name = row?.env;
  // A connection string may hold a password: named, never echoed.
  const value = row === undefined || row.secret ? undefined : env[row.env];
  return `${name === undefined ? setting : `${name} (${setting})`}: ${plainIssue(issue, value)}${value === undefined ? "" : `, got ${value}`}`;
}

/**
 * The BEZGELOR_ variables of `env` that are none of {@link ENV_VARS}: a misspelling
 * (BEZGELOR_PROT) would otherwise be ignored unseen. Warned about, not refused: another program
 * of the operator's may read a BEZGELOR_ variable of its own from the same environment.
 */
export function unknownEnvVars(env: Env): string[] {
  return Object.keys(env)
    .filter((name) => name.startsWith("BEZGELOR_") && !Object.hasOwn(ENV_VARS, name))
    .sort();
}

/** Numeric settings become numbers here so every section's schema sees one shape, file or env. */
function numeric(value: string | undefined): string | number | undefined {
  return value !== undefined && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
}

function set(target: Record<string, unknown>, path: string, value: string | number | undefined): void {
  if (value === undefined || value === "") return;
  const keys = path.split(".");
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = typeof next === "object" && next !== null ? (next as Record<string, unknown>) : (node[key] = {});
  }
  node[keys[keys.length - 1] as string] = value;
}

function readFileConfig(path: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (cause) {
    throw new WorldError(
      "CONFIG_INVALID",
      `cannot read config file ${path} (BEZGELOR_CONFIG): ${(cause as NodeJS.ErrnoException).code ?? (cause as Error).message}`,
      {
        cause,
      },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (cause) {
    // The parser's message says where it stopped: that is what to fix.
    throw new WorldError("CONFIG_INVALID", `config file ${path} is not valid JSON: ${(cause as Error).message}`, { cause });
  }
  // The parsed object itself, not a copy: copying by assignment would turn a "__proto__" key into
  // the copy's prototype, hiding it from the strict schema that refuses unknown settings.
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    throw new WorldError("CONFIG_INVALID", `config file ${path} is not a JSON object (settings by name, { ... })`);
  }
  return parsed as Record<string, unknown>;
}

/**
 * Builds the validated configuration from a config file (BEZGELOR_CONFIG) and the environment.
 * @throws WorldError CONFIG_INVALID naming every bad setting.
 */
export function loadConfig(env: Env = process.env): WorldConfig {
  const raw: Record<string, unknown> = env.BEZGELOR_CONFIG ? readFileConfig(env.BEZGELOR_CONFIG) : {};
  for (const { env: name, setting, numeric: isNumber } of ENV_SETTINGS) set(raw, setting, isNumber ? numeric(env[name]) : env[name]);
  const result = WorldConfigSchema.safeParse(raw);
  if (!result.success) {
    // One issue per setting (the first its schema found: 1e30 is past both its limits, said once).
    const seen = new Set<string>();
    const issues = result.error.issues.filter((issue) => {
      if (issue.code === "unrecognized_keys") return true;
      const setting = issue.path.join(".");
      if (seen.has(setting)) return false;
      seen.add(setting);
      return true;
    });
    const lines = issues.map((issue) => describeConfigIssue(issue, env));
    // One problem on one line, several as a list.
    throw new WorldError("CONFIG_INVALID", lines.length === 1 ? `invalid configuration: ${lines[0]}` : `invalid configuration:\n  ${lines.join("\n  ")}`);
  }
  return result.data;
}
