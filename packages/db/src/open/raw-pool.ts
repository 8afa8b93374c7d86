// The node-postgres pool under a client that connectPgPool made, for the few statements that skip
// Prisma's query engine: an action's one statement (ActionSpec.statement) costs about 35 µs of CPU
// through the pool and 120 µs through $queryRaw (measured: 20,000 SELECTs, 100 callers, pool 10).
// The pool is Prisma's own, so connection limits and ordering stay as they are.
import pg from "pg";
import { causeChain } from "../cause-chain.js";
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
  const raw = pools.get(base);
  if (raw !== undefined) pools.set(derived, raw);
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
  const result = await pool.query(pgQuery(sql));
  return result.rows as Row[];
}

const pgQuery = (sql: Prisma.Sql): pg.QueryConfig => ({ text: sql.text, values: sql.values.map(toParameter), types });

// A SQLSTATE: five digits or capital letters (node-postgres's DatabaseError.code).
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * Whether `error` is the database's answer refusing a statement (a SQLSTATE from node-postgres,
 * or Prisma's P2010 raw query failure quoting one): the statement, or the transaction it was in,
 * was rolled back. A lost connection or a timeout (no SQLSTATE; a socket error's code such as
 * ECONNRESET is not one) leaves the outcome unknown.
 */
export function refusedByDatabase(error: unknown): boolean {
  return causeChain(error, 4).some(({ code }: { code?: unknown }) => typeof code === "string" && (code === "P2010" || SQLSTATE.test(code)));
}
