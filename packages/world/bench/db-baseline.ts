// The limits of the database round trip: the statement the server's title set runs, sent in a
// closed loop by as many callers as the server has clients, through plain `pg` (PostgreSQL) or
// straight to PGlite (embedded), without the world server, Prisma or the protocol. Also a bare
// UPDATE of the same column, and the five-statement transaction the action was before.
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { setActiveTitle } from "@bezgelor/db";
import { loadTestRules } from "@bezgelor/db/testing";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { sleep, warmUp } from "./loops";
import { latencyOf } from "./stats";

/** A bare UPDATE clearing the active title: no lock, ownership check or event. */
export const TITLE_CLEAR_SQL = 'UPDATE "accounts" SET "active_title_id" = NULL WHERE "id" = $1';

/** A statement with its parameters, as node-postgres and PGlite take it. */
interface Statement {
  readonly text: string;
  readonly values: unknown[];
}

/**
 * The one statement the server sends for a title set that clears the title of account `accountId`,
 * played by `characterId` (setActiveTitle.statement: set_active_title and its outbox row), built
 * once per account: building it is the server's work, not the database's.
 */
async function titleSetStatements(players: readonly { accountId: number; characterId: number }[]): Promise<Statement[]> {
  const build = setActiveTitle.statement;
  if (!build) throw new Error("setActiveTitle has no one-statement form");
  const env = { now: new Date(), rules: await loadTestRules() };
  return players.map(({ accountId, characterId }) => {
    const sql = build({ accountId, titleId: 0 }, { ...env, actor: { kind: "character", accountId, characterId } });
    if (!sql) throw new Error("setActiveTitle did not give its one statement");
    return { text: sql.text, values: sql.values };
  });
}

/**
 * The title set's transaction as the server ran it before setActiveTitle became one statement (the
 * set_active_title function): the account row lock, the UPDATE and the outbox row with its
 * notification, between BEGIN and COMMIT: five round trips on a connection. Kept as a limit: the
 * same work the server now does in one round trip, sent the old way.
 */
export const TITLE_TRANSACTION_SQL = {
  lock: 'SELECT "active_title_id" FROM "accounts" WHERE "id" = $1 FOR NO KEY UPDATE',
  update: TITLE_CLEAR_SQL,
  events: `WITH "appended" AS (
      INSERT INTO "game_events" ("kind", "account_id", "character_id", "payload")
      SELECT e->>'kind', (e->>'accountId')::integer, (e->>'characterId')::integer, e->'payload'
        FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS x(e, n) ORDER BY n
      RETURNING "id")
    SELECT pg_notify('bezgelor_game_events', max("id")::text) FROM "appended"`,
} as const;

/** The outbox row of a title cleared on account `id`, as appendEvents writes it. */
function titleEvent(id: number): string {
  const event = { kind: "title.active-changed", accountId: id, characterId: null, titleId: null };
  return JSON.stringify([{ kind: event.kind, accountId: id, characterId: null, payload: event }]);
}

/** What a statement loop measured. */
export interface StatementLoopResult {
  readonly requests: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p99: number;
}

async function statementLoop(callers: number, seconds: number, run: (caller: number) => Promise<unknown>): Promise<StatementLoopResult> {
  let timing = false;
  let stop = false;
  let done = 0;
  let steadyCallers = 0;
  const samples: number[] = [];
  const loops = Array.from({ length: callers }, async (_, caller) => {
    let first = true;
    while (!stop) {
      // PGlite answers without I/O, through microtasks only: without a turn of the event loop now
      // and then, the timers that end the loop would never run.
      await new Promise((resolve) => setImmediate(resolve));
      const t = performance.now();
      await run(caller);
      if (first) {
        first = false;
        steadyCallers += 1;
      }
      if (timing) {
        done += 1;
        samples.push(performance.now() - t);
      }
    }
  });
  await warmUp(Math.min(1000, seconds * 100), () => steadyCallers >= callers);
  timing = true;
  const started = performance.now();
  await sleep(seconds * 1000);
  timing = false;
  stop = true;
  const elapsed = (performance.now() - started) / 1000;
  await Promise.all(loops);
  return { requests: done, seconds: elapsed, ...(samples.length > 0 ? latencyOf(samples) : { p50: Number.NaN, p99: Number.NaN }) };
}

/** `callers` closed loops of {@link TITLE_CLEAR_SQL} on the accounts `ids` through a `pg.Pool` of `pool` connections. */
export async function pgUpdateLoop(a: { url: string; ids: number[]; callers: number; pool: number; seconds: number }): Promise<StatementLoopResult> {
  const client = new pg.Pool({ connectionString: a.url, max: a.pool });
  try {
    return await statementLoop(a.callers, a.seconds, (caller) => client.query(TITLE_CLEAR_SQL, [a.ids[caller % a.ids.length]]));
  } finally {
    await client.end();
  }
}

/** `callers` closed loops of the server's title set statement (see titleSetStatements) through a `pg.Pool` of `pool` connections. */
export async function pgActionStatementLoop(a: {
  url: string;
  players: { accountId: number; characterId: number }[];
  callers: number;
  pool: number;
  seconds: number;
}): Promise<StatementLoopResult> {
  const statements = await titleSetStatements(a.players);
  const client = new pg.Pool({ connectionString: a.url, max: a.pool });
  try {
    return await statementLoop(a.callers, a.seconds, (caller) => client.query(statements[caller % statements.length]!));
  } finally {
    await client.end();
  }
}

/** `callers` closed loops of {@link TITLE_TRANSACTION_SQL} through a `pg.Pool` of `pool` connections. */
export async function pgTransactionLoop(a: { url: string; ids: number[]; callers: number; pool: number; seconds: number }): Promise<StatementLoopResult> {
  const client = new pg.Pool({ connectionString: a.url, max: a.pool });
  try {
    return await statementLoop(a.callers, a.seconds, async (caller) => {
      const id = a.ids[caller % a.ids.length] as number;
      const connection = await client.connect();
      try {
        await connection.query("BEGIN");
        await connection.query(TITLE_TRANSACTION_SQL.lock, [id]);
        await connection.query(TITLE_TRANSACTION_SQL.update, [id]);
        await connection.query(TITLE_TRANSACTION_SQL.events, [titleEvent(id)]);
        await connection.query("COMMIT");
      } finally {
        connection.release();
      }
    });
  } finally {
    await client.end();
  }
}

/** The schema every migration builds, applied in order to a fresh PGlite (in memory, or in `dataDir`). */
async function migratedPglite(migrationsDir: string, dataDir?: string): Promise<PGlite> {
  const db = await PGlite.create(dataDir === undefined ? {} : { dataDir });
  const dirs = (await readdir(migrationsDir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name);
  for (const dir of dirs.sort()) await db.exec(await readFile(join(migrationsDir, dir, "migration.sql"), "utf8"));
  return db;
}

let pglite: Promise<{ db: PGlite; ids: number[] }> | undefined;
let pgliteForStatement: Promise<{ db: PGlite; ids: number[] }> | undefined;
let pgliteOnDisk: Promise<{ db: PGlite; ids: number[] }> | undefined;

async function withAccounts(db: PGlite, rows: number): Promise<{ db: PGlite; ids: number[] }> {
  await db.query(`INSERT INTO "accounts" ("email", "password_hash") SELECT 'bench-' || g || '@example.test', 'x' FROM generate_series(1, $1::int) g`, [rows]);
  const ids = (await db.query<{ id: number }>('SELECT "id" FROM "accounts" ORDER BY "id"')).rows.map((r) => r.id);
  return { db, ids };
}

/**
 * `callers` closed loops of {@link TITLE_TRANSACTION_SQL} in transactions straight to a PGlite in
 * this process, on a data directory `dataDir` like the server's (made and migrated on the first
 * call, kept for the next rounds): what PGlite itself does with the server's transaction, without
 * the server, its thread and socket, Prisma or the protocol.
 */
export async function pgliteTransactionLoop(a: {
  migrationsDir: string;
  dataDir: string;
  rows: number;
  callers: number;
  seconds: number;
}): Promise<StatementLoopResult> {
  pgliteOnDisk ??= migratedPglite(a.migrationsDir, a.dataDir).then((db) => withAccounts(db, a.rows));
  const { db, ids } = await pgliteOnDisk;
  return statementLoop(a.callers, a.seconds, (caller) => {
    const id = ids[caller % ids.length] as number;
    return db.transaction(async (tx) => {
      await tx.query(TITLE_TRANSACTION_SQL.lock, [id]);
      await tx.query(TITLE_TRANSACTION_SQL.update, [id]);
      await tx.query(TITLE_TRANSACTION_SQL.events, [titleEvent(id)]);
    });
  });
}

/**
 * `callers` closed loops of {@link TITLE_CLEAR_SQL} straight to a PGlite in this process, on `rows`
 * accounts. The database is made (and migrated) on the first call and kept for the next rounds.
 */
export async function pgliteUpdateLoop(a: { migrationsDir: string; rows: number; callers: number; seconds: number }): Promise<StatementLoopResult> {
  pglite ??= migratedPglite(a.migrationsDir).then((db) => withAccounts(db, a.rows));
  const { db, ids } = await pglite;
  return statementLoop(a.callers, a.seconds, (caller) => db.query(TITLE_CLEAR_SQL, [ids[caller % ids.length]]));
}

/**
 * `callers` closed loops of the server's title set statement (see titleSetStatements) straight to
 * a PGlite in this process, in memory, on `rows` accounts (made and migrated on the first call).
 */
export async function pgliteActionStatementLoop(a: { migrationsDir: string; rows: number; callers: number; seconds: number }): Promise<StatementLoopResult> {
  pgliteForStatement ??= migratedPglite(a.migrationsDir).then((db) => withAccounts(db, a.rows));
  const { db, ids } = await pgliteForStatement;
  const statements = await titleSetStatements(ids.map((id) => ({ accountId: id, characterId: id })));
  return statementLoop(a.callers, a.seconds, (caller) => {
    const { text, values } = statements[caller % statements.length]!;
    return db.query(text, values);
  });
}
