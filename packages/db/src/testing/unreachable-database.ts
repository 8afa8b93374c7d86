import { poolListen } from "../open/listen.js";
import { createServer } from "node:net";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "../generated/prisma/client";
import { closer, type Database } from "../open/database.js";

/** A loopback port nothing listens on: bound, then released. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

/**
 * A PostgreSQL URL at a closed loopback port: opening it fails as an outage would (connection
 * refused), without touching the shared PostgreSQL server.
 */
export async function unreachablePostgresUrl(): Promise<string> {
  return `postgresql://postgres@127.0.0.1:${await closedPort()}/unreachable`;
}

/**
 * A Database whose every query fails the way a stopped PostgreSQL makes it fail: a real Prisma
 * client over node-postgres pointed at a closed port (so the errors have the genuine shape).
 */
export async function createUnreachableDatabase(): Promise<Database> {
  const pool = new pg.Pool({ connectionString: await unreachablePostgresUrl(), connectionTimeoutMillis: 2000 });
  pool.on("error", () => undefined);
  const client = new PrismaClient({ adapter: new PrismaPg(pool), errorFormat: "minimal" });
  const close = closer([() => client.$disconnect(), () => pool.end()], () => undefined);
  return { client, kind: "postgres", close, listen: poolListen(pool) };
}
