// The db package's slice of the configuration. Only the world package reads the environment;
// it builds this object and hands it in.
import { z } from "zod";

/** Default lifetime of a realm session key: 30 minutes. */
export const DEFAULT_SESSION_KEY_LIFETIME_SECONDS = 1800;

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
});

/** Database configuration after defaults are applied. */
export type DbConfig = z.output<typeof DbConfigSchema>;
/** Database configuration as written by the caller (defaults optional). */
export type DbConfigInput = z.input<typeof DbConfigSchema>;
