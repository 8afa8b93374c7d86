// The service's settings, read from the environment once and validated.
import { z } from "zod";

const Port = z.coerce.number().int().min(0).max(65535);

/** Environment variables the service reads; the database ones are the world server's own. */
export const ConfigSchema = z.object({
  host: z.string().min(1).default("127.0.0.1"),
  /** 0 picks a free port (the service prints the one it got). */
  port: Port.default(8787),
  /** PostgreSQL (production); without it, the embedded database directory the world server shares. */
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  dbDir: z.string().min(1).default(".data/db"),
  gameDataDir: z.string().min(1).optional(),
  reputationScale: z.string().min(1).optional(),
  logLevel: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** The validated settings. */
export type Config = z.output<typeof ConfigSchema>;

/** Reads the settings from `env`. Throws a ZodError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const set = (value: string | undefined) => (value === undefined || value === "" ? undefined : value);
  return ConfigSchema.parse({
    host: set(env.STORE_SERVICE_HOST),
    port: set(env.STORE_SERVICE_PORT),
    databaseUrl: set(env.DATABASE_URL),
    dbDir: set(env.BEZGELOR_DB_DIR),
    gameDataDir: set(env.BEZGELOR_GAME_DATA_DIR),
    reputationScale: set(env.BEZGELOR_REPUTATION_SCALE),
    logLevel: set(env.LOG_LEVEL),
  });
}
