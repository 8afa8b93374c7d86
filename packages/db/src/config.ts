// The db package's slice of the configuration. Only the world package reads the environment;
// it builds this object and hands it in.
import { availableParallelism } from "node:os";
import { z } from "zod";

/** Default lifetime of a realm session key: 30 minutes. */
export const DEFAULT_SESSION_KEY_LIFETIME_SECONDS = 1800;

/**
 * Default size of the connection pool: twice the cores plus one, the usual sizing for a database
 * on this machine (PostgreSQL's wiki, Prisma's default), and never fewer than the 10 connections
 * node-postgres opens by default.
 */
export const DEFAULT_POOL_SIZE = Math.max(10, 2 * availableParallelism() + 1);

/**
 * Default wait for the embedded directory held by another process that does not share it (an
 * admin command opening it while the server is down): 30 s, enough for a command or a migration
 * that opens, works and closes in a few seconds, short enough that a process that hangs is
 * reported rather than waited on for ever.
 */
export const DEFAULT_LOCK_WAIT_SECONDS = 30;

/** Schema of {@link DbConfig}; parse with it to fill in defaults. */
export const DbConfigSchema = z.object({
  /** PostgreSQL connection URL. When set, PostgreSQL is used and `dir` is ignored. */
  url: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL")
    .optional(),
  /** Directory of the embedded PGlite database, created on first use. */
  dir: z.string().min(1).default(".data/db"),
  /** How long a realm session key stays valid after it is issued. */
  sessionKeyLifetimeSeconds: z.coerce.number().int().min(1).default(DEFAULT_SESSION_KEY_LIFETIME_SECONDS),
  /**
   * Connections this process opens: to PostgreSQL, or to the embedded database's thread when it
   * owns the directory (PGlite runs one statement at a time; more connections queue there instead
   * of in the pool). Transactions hold one each while they run.
   */
  poolSize: z.coerce.number().int().min(1).max(1000).default(DEFAULT_POOL_SIZE),
  /**
   * Embedded only: seconds an opener waits for the directory while another live process holds it
   * without sharing it (one owner at a time), before DIRECTORY_LOCKED; 0 refuses at once.
   */
  lockWaitSeconds: z.coerce.number().int().min(0).max(3600).default(DEFAULT_LOCK_WAIT_SECONDS),
});

/** Database configuration after defaults are applied. */
export type DbConfig = z.output<typeof DbConfigSchema>;
/** Database configuration as written by the caller (defaults optional). */
export type DbConfigInput = z.input<typeof DbConfigSchema>;
