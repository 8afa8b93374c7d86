// The bench's own database: a temporary embedded directory, or a temporary database created on the
// PostgreSQL server DATABASE_URL names (dropped at the end, pgbench's tables with it).
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { DbConfigInput } from "@bezgelor/db";

/** Where the bench's world server keeps its data. */
export interface BenchDatabase {
  readonly kind: "embedded (PGlite)" | "PostgreSQL";
  /** The db config slice for `openDatabase`. */
  readonly config: DbConfigInput;
  /** The environment that points the spawned server at it. */
  readonly env: Record<string, string>;
  /** PostgreSQL URL of the bench's database. */
  readonly url: string | undefined;
  /** Drops the temporary PostgreSQL database (the embedded directory goes with the temp dir). */
  drop(): Promise<void>;
}

/** `url` with its database name replaced. */
export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * A fresh database for the bench: on PostgreSQL `bezgelor_bench_<random>` next to the one `url`
 * names (the role needs CREATEDB), else an embedded directory `dir` (created by the first open).
 * @throws when PostgreSQL refuses the connection or the CREATE DATABASE.
 */
export async function benchDatabase(url: string | undefined, dir: string): Promise<BenchDatabase> {
  if (!url) return { kind: "embedded (PGlite)", config: { dir }, env: { BEZGELOR_DB_DIR: dir }, url: undefined, drop: () => Promise.resolve() };
  const name = `bezgelor_bench_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const benchUrl = withDatabase(url, name);
  return {
    kind: "PostgreSQL",
    config: { url: benchUrl },
    env: { DATABASE_URL: benchUrl },
    url: benchUrl,
    async drop() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}
