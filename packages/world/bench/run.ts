// `pnpm bench`: what users feel, each figure next to its limit measured in the same run, alternated
// and repeated. The world server runs as its own process (the built `dist/bin.js serve`) on a
// temporary embedded database, or on a temporary database of the PostgreSQL server DATABASE_URL
// names; the load comes from a forked load process; the baselines run in a process of their own.
// Progress goes to stderr; the table (or `--json`) to stdout; nothing is left behind.
import { execSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadGameData } from "@bezgelor/data";
import { DbConfigSchema, openDatabase } from "@bezgelor/db";
import { loadConfig } from "../src/config/load";
import { parseBenchArgs, USAGE, type BenchArgs } from "./args";
import { codecFigure, dataFigure } from "./cpu-figures";
import { journalFigure } from "./journal-figure";
import { benchDatabase, type BenchDatabase } from "./database";
import {
  BENCH_WORLD_ID,
  CONTENDED_OFFER,
  FREE_OFFER,
  SHARED_ZONE_ID,
  benchVendor,
  buyerPlace,
  grantGold,
  makePlayers,
  prepareStoreBench,
  soloPlace,
  storeUnitsSold,
} from "./players";
import { summarizeProfiles, type ProfileWindow } from "./profile-summary";
import { formatTable, rowsAsJson, type Row } from "./report";
import { forkHelper, type Helper } from "./rpc";
import { loginFigure, memoryFigure } from "./memory-figures";
import { chatFigure, dbFigure, moveFigure, purchaseFigure, storeFigure, zoneFigure, type BenchContext } from "./scenarios";
import { startWorld, type WorldProcess } from "./world-process";

const here = dirname(fileURLToPath(import.meta.url));
const MIGRATIONS_DIR = join(here, "..", "..", "..", "prisma", "migrations");
const WORLD_FIGURES = ["memory", "login", "chat", "db", "purchase", "store", "zone", "move"] as const;

function openFileLimit(): number {
  try {
    return Number(execSync("ulimit -n", { shell: "/bin/sh", encoding: "utf8" }).trim()) || 1024;
  } catch {
    return 1024;
  }
}

/** Limits of the spawned server raised for the bench, each with the reason printed under the table. */
function serverEnv(args: BenchArgs, idle: number, notes: string[]): Record<string, string> {
  // Never below the defaults: the bench raises limits, it does not tighten them.
  const connections = Math.max(2000, idle + args.clients + args.zone + args.buyers + 100);
  notes.push(
    `server limits raised for the bench (environment of the spawned server): BEZGELOR_MAX_CONNECTIONS and BEZGELOR_MAX_CONNECTIONS_PER_ADDRESS ${connections} (defaults 2000 and 16: every bench client comes from 127.0.0.1); BEZGELOR_RATE_LIMIT/BURST 1000000 (default 50/200 packets/s per session: a closed loop sends one packet per round trip, so a session whose round trip is under 20 ms would be disconnected, and the limit, not the server, would be measured); BEZGELOR_IDLE_TIMEOUT 3600 and BEZGELOR_LOGIN_TIMEOUT 600 (defaults 120/30 s: sessions wait between figures, idle sessions never log in)`,
  );
  const pool: Record<string, string> = args.pool === undefined ? {} : { BEZGELOR_DB_POOL_SIZE: String(args.pool) };
  if (args.pool !== undefined) notes.push(`the world server's database pool set by --pool: BEZGELOR_DB_POOL_SIZE ${args.pool}`);
  return {
    ...pool,
    BEZGELOR_MAX_CONNECTIONS: String(connections),
    BEZGELOR_MAX_CONNECTIONS_PER_ADDRESS: String(connections),
    BEZGELOR_RATE_LIMIT: "1000000",
    BEZGELOR_RATE_BURST: "1000000",
    BEZGELOR_IDLE_TIMEOUT: "3600",
    BEZGELOR_LOGIN_TIMEOUT: "600",
  };
}

async function worldFigures(
  temp: string,
  args: BenchArgs,
  db: BenchDatabase,
  load: Helper,
  baseline: Helper,
  rows: Row[],
  notes: string[],
  progress: (l: string) => void,
  profile: string[],
  baselineWindows: ProfileWindow[],
): Promise<void> {
  const wanted = (f: (typeof WORLD_FIGURES)[number]) => args.only.includes(f);
  const solo = wanted("login") || wanted("chat") || wanted("db") ? args.clients : 0;
  const crowd = wanted("zone") || wanted("move") ? args.zone : 0;
  const fdLimit = openFileLimit();
  let idle = wanted("memory") ? args.idle : 0;
  const buyers = (wanted("purchase") ? args.buyers : 0) + (wanted("store") ? args.buyers : 0);
  if (idle + solo + crowd + buyers + 500 > fdLimit) {
    const fitted = Math.max(0, fdLimit - solo - crowd - buyers - 500);
    notes.push(
      `memory: ${idle} idle sessions need more file descriptors than \`ulimit -n\` (${fdLimit}) allows each process; measured ${fitted} (raise it with \`ulimit -n\`)`,
    );
    idle = fitted;
  }

  const env = serverEnv(args, idle, notes);
  const profileWindows: ProfileWindow[] = [];
  progress(`starting the world server on ${db.kind} …`);
  let world: WorldProcess | undefined;
  try {
    world = await startWorld({ ...env, ...db.env }, args.profile ? ["--cpu-prof", "--cpu-prof-dir", args.profile] : []);
    stopWorld = () => world?.stop();
    const ctxOf = (players: BenchContext["players"]): BenchContext => ({
      args: { ...args, idle },
      load,
      baseline,
      world: world as WorldProcess,
      players,
      url: db.url,
      dbPool: args.pool ?? DbConfigSchema.parse({}).poolSize,
      migrationsDir: MIGRATIONS_DIR,
      temp,
      progress,
      rows,
      notes,
      profileWindows,
    });
    // First, on a fresh server: the setup below grows its heap, which later sessions would reuse.
    if (wanted("memory") && idle > 0) await memoryFigure(ctxOf({ solo: [], crowd: [], buyers: [] }));
    // Through the running server: on the embedded database the setup reaches the directory through
    // the server's socket, as the CLI does, instead of opening (and migrating) it a second time.
    progress(`setup: ${solo + crowd + buyers} accounts, characters and session keys …`);
    const setupStarted = performance.now();
    const setupDb = await openDatabase({ config: db.config });
    let players;
    try {
      const soloPlayers = await makePlayers(setupDb.client, solo, (i) => SHARED_ZONE_ID + 1 + i, soloPlace);
      const crowdPlayers = await makePlayers(setupDb.client, crowd, () => SHARED_ZONE_ID);
      const vendor = wanted("purchase") ? benchVendor(await loadGameData()) : undefined;
      const buyers = vendor ? await makePlayers(setupDb.client, args.buyers, () => SHARED_ZONE_ID, buyerPlace(vendor)) : [];
      await grantGold(setupDb.client, buyers, 1_000_000_000_000n);
      const storeBuyers = wanted("store") ? await makePlayers(setupDb.client, args.buyers, () => SHARED_ZONE_ID) : [];
      if (storeBuyers.length > 0) await prepareStoreBench(setupDb.client, storeBuyers);
      // The first half contends on one offer's stock; the second half buys an offer without stock.
      const offers = storeBuyers.map((_, i) => (i < Math.ceil(storeBuyers.length / 2) ? CONTENDED_OFFER : FREE_OFFER));
      const sold = async () => {
        const opened = await openDatabase({ config: db.config });
        try {
          return await storeUnitsSold(opened.client);
        } finally {
          await opened.close();
        }
      };
      players = {
        solo: soloPlayers,
        crowd: crowdPlayers,
        buyers,
        ...(vendor ? { vendor } : {}),
        ...(storeBuyers.length > 0 ? { store: { buyers: storeBuyers, offers, sold } } : {}),
      };
    } finally {
      await setupDb.close();
    }
    progress(`setup: ${((performance.now() - setupStarted) / 1000).toFixed(1)} s (world ${BENCH_WORLD_ID}, crowd in zone ${SHARED_ZONE_ID})`);
    const ctx = ctxOf(players);
    if (solo > 0) await loginFigure(ctx);
    if (wanted("chat")) await chatFigure(ctx);
    if (wanted("db")) await dbFigure(ctx);
    if (wanted("purchase")) await purchaseFigure(ctx);
    if (wanted("store")) await storeFigure(ctx);
    if (solo > 0) await load.call("close", { group: "solo" });
    if (wanted("zone")) await zoneFigure(ctx);
    if (wanted("move")) await moveFigure(ctx);
    if (crowd > 0) await load.call("close", { group: "crowd" });
  } finally {
    await world?.stop();
    stopWorld = undefined;
  }
  // The profile is written when the server stops: where its time went in each figure's windows.
  if (args.profile && world) {
    const ofWorld = profileWindows.filter((w) => w.server === "world");
    profile.push(...(await summarizeProfiles(args.profile, world.pid, ofWorld, "world server")));
    // The baseline servers (echo, fan-out, relay) in their windows, written when the helper exits.
    baselineWindows.push(...profileWindows.filter((w) => w.server === "baseline"));
  }
}

/** Set while a world server runs, so an interrupted bench stops it too. */
let stopWorld: (() => Promise<void> | undefined) | undefined;

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes("--help") || argv.includes("-h")) {
    console.log(USAGE);
    return;
  }
  let args: BenchArgs;
  try {
    args = parseBenchArgs(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const progress = (line: string) => process.stderr.write(`${line}\n`);
  const started = performance.now();
  const temp = await mkdtemp(join(tmpdir(), "bezgelor-bench-"));
  const config = loadConfig(process.env);
  const rows: Row[] = [];
  const notes: string[] = [];
  /** With --profile: the summary of the world server's CPU profile. */
  const profile: string[] = [];
  const baselineWindows: ProfileWindow[] = [];
  const load = forkHelper(join(here, "load.ts"));
  const baseline = forkHelper(join(here, "baseline-server.ts"), [], args.profile ? ["--cpu-prof", "--cpu-prof-dir", args.profile] : []);
  let db: BenchDatabase | undefined;
  // Ctrl-C: stop the server and the helpers, drop the database, remove the files, then exit.
  const interrupted = (signal: NodeJS.Signals) => {
    progress(`${signal}: cleaning up …`);
    void (async () => {
      await stopWorld?.();
      await Promise.all([load.stop(), baseline.stop()]);
      await db?.drop().catch(() => undefined);
      await rm(temp, { recursive: true, force: true });
      process.exit(130);
    })();
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);
  try {
    if (args.only.includes("data")) await dataFigure(args, load, temp, rows, progress);
    if (args.only.includes("codec")) await codecFigure(args, load, rows, progress);
    if (args.only.includes("journal")) await journalFigure(args, temp, rows, progress);
    if (args.only.some((f) => (WORLD_FIGURES as readonly string[]).includes(f))) {
      db = await benchDatabase(config.db.url, join(temp, "db"));
      await worldFigures(temp, args, db, load, baseline, rows, notes, progress, profile, baselineWindows);
    }
  } finally {
    await Promise.all([load.stop(), baseline.stop()]);
    await db?.drop();
    await rm(temp, { recursive: true, force: true });
  }
  if (args.profile && baselineWindows.length > 0) profile.push(...(await summarizeProfiles(args.profile, baseline.pid, baselineWindows, "baseline server")));
  const seconds = (performance.now() - started) / 1000;
  const database = db?.kind ?? "none";
  const env = { node: process.version, cpu: cpus()[0]?.model ?? "unknown", cpus: cpus().length, memoryGiB: Math.round(totalmem() / 2 ** 30) };
  if (args.json) {
    console.log(JSON.stringify({ env, database, args, seconds, rows: rowsAsJson(rows), notes, profile }, null, 2));
  } else {
    const title = `Bezgelor bench on ${database === "none" ? "no database" : database} (${env.cpus} × ${env.cpu}, node ${env.node}): ${args.rounds} rounds of ${args.seconds} s, ${seconds.toFixed(0)} s in all`;
    console.log(formatTable(title, rows, notes));
    if (profile.length > 0) console.log(`\nWhere the world server's CPU went in the timed windows (--profile ${args.profile}):\n${profile.join("\n")}`);
  }
}

await main();
