// The figures measured against the running world server, each next to its limit.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { CHAT_CHANNEL_TYPE, INTERACTION_EVENT } from "@bezgelor/protocol";
import type { BenchArgs } from "./args";
import { alternate, roundTripRows, timed, type Run } from "./measure";
import { CROWD_PLACE, type BenchOffer, type BenchVendor } from "./players";
import type { BenchPlayer } from "./raw-client";
import { formatNumber, type Row } from "./report";
import type { Helper } from "./rpc";
import type { LoopResult } from "./loops";
import type { ProfileWindow } from "./profile-summary";
import type { StatementLoopResult } from "./db-baseline";
import { spread } from "./stats";
import type { WorldProcess } from "./world-process";

/** Everything a scenario needs. */
export interface BenchContext {
  readonly args: BenchArgs;
  readonly load: Helper;
  readonly baseline: Helper;
  readonly world: WorldProcess;
  /**
   * The round-trip players (each alone in sight), the crowd of the shared zone, and the buyers
   * standing next to `vendor`'s unit.
   */
  readonly players: {
    readonly solo: readonly BenchPlayer[];
    readonly crowd: readonly BenchPlayer[];
    readonly buyers: readonly BenchPlayer[];
    readonly vendor?: BenchVendor;
    /** The store figure's buyers, what each buys, and the units sold of those offers so far. */
    readonly store?: { readonly buyers: readonly BenchPlayer[]; readonly offers: readonly BenchOffer[]; readonly sold: () => Promise<number> };
  };
  /** PostgreSQL URL of the bench's database; undefined on the embedded database. */
  readonly url: string | undefined;
  /** The world server's database connections (--pool, else its default). */
  readonly dbPool: number;
  readonly migrationsDir: string;
  /** The run's temporary directory (removed at the end). */
  readonly temp: string;
  readonly progress: (line: string) => void;
  readonly rows: Row[];
  readonly notes: string[];
  /** The world's timed windows, for the summary of its CPU profile (`--profile`). */
  readonly profileWindows: ProfileWindow[];
}

interface Calibration {
  readonly frames: string[];
  readonly names: string[];
  readonly terminalSize: number;
  readonly requestBytes: string;
}

/** A chat line of the length players type. */
const LINE = "Anyone up for Stormtalon? LFM tank and healer, need 2 more";
const say = { name: "ClientChat", value: { channel: { type: CHAT_CHANNEL_TYPE.Say, chatId: 0n }, message: LINE, formats: [], chatMessageId: 1 } };
const WORLD = { host: "127.0.0.1" };

/** Calibrates one request of `group` and returns what the baselines need. */
function calibrate(ctx: BenchContext, group: string, request: string, packet: { name: string; value: unknown }, terminal: string): Promise<Calibration> {
  return ctx.load.call<Calibration>("calibrate", { group, request, packet, terminal });
}

function worldLoop(ctx: BenchContext, group: string, request: string, terminalSize: number): () => Promise<Run> {
  return () =>
    timed(ctx.world.pid, () => ctx.load.call<LoopResult>("loop", { group, request, terminalSize, seconds: ctx.args.seconds, serverPid: ctx.world.pid }));
}

/** Chat round trip (each player alone in its zone) vs a `net` echo server answering the same bytes. */
export async function chatFigure(ctx: BenchContext): Promise<void> {
  const n = ctx.players.solo.length;
  ctx.progress(`chat round trip: ${n} clients vs echo …`);
  const cal = await calibrate(ctx, "solo", "chat", say, "ServerChatResult");
  const echo = await ctx.baseline.call<{ port: number; pid: number }>("start", { mode: "echo", reply: cal.frames });
  await ctx.load.call("connect-raw", { ...WORLD, port: echo.port, count: n, group: "echo" });
  const echoLoop = () =>
    timed(echo.pid, () =>
      ctx.load.call<LoopResult>("loop", {
        group: "echo",
        bytes: cal.requestBytes,
        terminalSize: cal.terminalSize,
        seconds: ctx.args.seconds,
        serverPid: echo.pid,
      }),
    );
  const runs = await alternate(ctx.args.rounds, worldLoop(ctx, "solo", "chat", cal.terminalSize), echoLoop, ctx.progress, "chat", ctx.profileWindows);
  ctx.rows.push(
    ...roundTripRows(`chat round trip, ${n} clients (answer: ${cal.names.join(" + ")})`, "req/s", runs, "net echo", {
      throughput: { op: ">=", value: 0.8 },
      p99: { op: "<=", value: 2 },
    }),
  );
  rateNote(ctx, "chat", runs.figure, n);
  const work = ctx.args.echoWork;
  if (work !== undefined) {
    // The same echo with a stand-in for a server's computing, against itself without: what that
    // much work per request costs on this machine, whoever does it.
    ctx.progress(`chat: echo doing ${work} µs of work per request vs the plain echo …`);
    const withWork = (us: number) => async () => {
      await ctx.baseline.call("work", { us });
      return echoLoop();
    };
    const servers = { figure: "baseline", limit: "baseline" } as const;
    const worked = await alternate(ctx.args.rounds, withWork(work), withWork(0), ctx.progress, `echo + ${work} µs of work`, ctx.profileWindows, servers);
    ctx.rows.push(...roundTripRows(`net echo doing ${work} µs of busy work per request, ${n} clients`, "req/s", worked, "net echo"));
  }
  await ctx.load.call("close", { group: "echo" });
  await ctx.baseline.call("stop");
}

function rateNote(ctx: BenchContext, what: string, runs: readonly Run[], sessions: number): void {
  const perSession = Math.max(...runs.map((r) => r.perSecond)) / Math.max(1, sessions);
  ctx.notes.push(
    `${what}: each closed-loop session sent up to ${perSession.toFixed(1)} packets/s (default rate limit 50/s, burst 200)` +
      (perSession > 50 ? ": above the default, which would disconnect it; the bench's server has the limit raised (see below)" : ": within the default"),
  );
  const lost = runs.reduce((n, r) => n + r.disconnected, 0);
  if (lost > 0) ctx.notes.push(`${what}: ${lost} sessions were disconnected during the runs`);
}

/**
 * Title set through the server (setActiveTitle: set_active_title with its outbox row; calls made
 * together go as one statement, see StatementBatcher) vs the action's own statement sent once per
 * call through plain pg / PGlite (the goal: "the same statement"),
 * and, for scale, vs a bare UPDATE of the column (no lock, ownership check or event) and vs the
 * five-statement transaction the action was before it became one statement (lock, UPDATE, outbox
 * row) through plain pg / straight to PGlite on a data directory.
 */
export async function dbFigure(ctx: BenchContext): Promise<void> {
  const n = ctx.players.solo.length;
  ctx.progress(`database round trip: title set, ${n} clients …`);
  const cal = await calibrate(ctx, "solo", "title", { name: "ClientTitleSet", value: { titleId: 0 } }, "ServerTitleSet");
  const ids = ctx.players.solo.map((p) => p.accountId);
  const players = ctx.players.solo.map(({ accountId, characterId }) => ({ accountId, characterId }));
  // As many connections as the server has: like with like.
  const pool = ctx.dbPool;
  const statementName = ctx.url ? `the same statement, plain pg (pool ${pool})` : "the same statement, PGlite direct (in memory)";
  const updateName = ctx.url ? `a bare UPDATE, plain pg (pool ${pool})` : "a bare UPDATE, PGlite direct (in memory)";
  const transactionName = ctx.url ? `the same transaction, plain pg (pool ${pool})` : "the same transaction, PGlite direct (data directory)";
  const seconds = ctx.args.seconds;
  const statement = () =>
    timed(undefined, () =>
      ctx.url
        ? ctx.load.call<StatementLoopResult>("pg-statement", { url: ctx.url, players, callers: n, pool, seconds })
        : ctx.load.call<StatementLoopResult>("pglite-statement", { migrationsDir: ctx.migrationsDir, rows: n, callers: n, seconds }),
    );
  const update = () =>
    timed(undefined, () =>
      ctx.url
        ? ctx.load.call<StatementLoopResult>("pg-update", { url: ctx.url, ids, callers: n, pool, seconds })
        : ctx.load.call<StatementLoopResult>("pglite-update", { migrationsDir: ctx.migrationsDir, rows: n, callers: n, seconds }),
    );
  const transaction = () =>
    timed(undefined, () =>
      ctx.url
        ? ctx.load.call<StatementLoopResult>("pg-transaction", { url: ctx.url, ids, callers: n, pool, seconds })
        : ctx.load.call<StatementLoopResult>("pglite-transaction", {
            migrationsDir: ctx.migrationsDir,
            dataDir: join(ctx.temp, "pglite-limit"),
            rows: n,
            callers: n,
            seconds,
          }),
    );
  const updates: Run[] = [];
  const transactions: Run[] = [];
  // Every limit in each round, next to the figure.
  const limits = async () => {
    for (const [name, run, into] of [
      [updateName, update, updates],
      [transactionName, transaction, transactions],
    ] as const) {
      const t = await run();
      into.push(t);
      ctx.progress(`  title set: ${name}: ${Math.round(t.perSecond)}/s, p50 ${formatNumber(t.p50)} ms, p99 ${formatNumber(t.p99)} ms`);
    }
    return statement();
  };
  const runs = await alternate(ctx.args.rounds, worldLoop(ctx, "solo", "title", cal.terminalSize), limits, ctx.progress, "title set", ctx.profileWindows);
  const name = `title set round trip (set_active_title and its event, group commit), ${n} clients`;
  ctx.rows.push(
    ...roundTripRows(name, "req/s", runs, statementName, {
      throughput: { op: ">=", value: 0.5 },
      p99: { op: "<=", value: 200, on: "value" },
    }),
  );
  for (const [versus, limit, limitName] of [
    ["a bare UPDATE", updates, updateName],
    ["the action's former transaction", transactions, transactionName],
  ] as const) {
    const [throughput, p50, p99] = roundTripRows(`${name} vs ${versus}`, "req/s", { figure: runs.figure, limit }, limitName);
    for (const row of [throughput, p50, p99]) if (row) ctx.rows.push(row);
  }
  rateNote(ctx, "title set", runs.figure, n);
}

const execFileAsync = promisify(execFile);

/** pgbench's TPC-B for at least 2 s (its clients connect first; a shorter run may finish nothing). */
async function pgbench(url: string, clients: number, seconds: number): Promise<Run> {
  const { stdout } = await execFileAsync("pgbench", ["-n", "-c", String(clients), "-j", "2", "-T", String(Math.max(2, Math.round(seconds))), url]);
  const tps = /tps = ([\d.]+)/.exec(stdout);
  const processed = /transactions actually processed: (\d+)/.exec(stdout);
  const latency = /latency average = ([\d.]+) ms/.exec(stdout);
  if (!tps && !processed) throw new Error(`pgbench printed neither tps nor transactions:\n${stdout}`);
  const average = latency ? Number(latency[1]) : Number.NaN;
  return {
    perSecond: tps ? Number(tps[1]) : 0,
    p50: average,
    p99: Number.NaN,
    cpuMsPerRequest: Number.NaN,
    loadCpuMsPerRequest: Number.NaN,
    requests: Number(processed?.[1] ?? 0),
    disconnected: 0,
  };
}

/**
 * Vendor purchases by the buyers (players standing next to the vendor's unit) vs pgbench TPC-B
 * with as many clients on the same server. Each buyer opens the vendor the way the client does:
 * ClientEntityInteract (event 49) on the vendor's unit, whose id it learned from the
 * ServerEntityCreate the server sent when the buyer came into the world; then the loop is
 * ClientVendorPurchase of stock entry 1.
 */
/**
 * Purchases on the embedded database, which has no pgbench to compare with: the rounds, then the
 * throughput, p50, p99 and server CPU rows without a limit. Returns the rounds.
 */
async function embeddedPurchaseRows(ctx: BenchContext, figure: () => Promise<Run>, label: string, name: string): Promise<Run[]> {
  const runs: Run[] = [];
  for (let round = 0; round < ctx.args.rounds; round++) {
    const run = await figure();
    ctx.progress(
      `  ${label} round ${round + 1}/${ctx.args.rounds}: ${Math.round(run.perSecond)}/s, p50 ${formatNumber(run.p50)} ms, p99 ${formatNumber(run.p99)} ms`,
    );
    runs.push(run);
  }
  ctx.rows.push(
    {
      figure: `${name}: throughput`,
      value: { unit: "purchases/s", spread: spread(runs.map((r) => r.perSecond)) },
      note: "pgbench n/a on the embedded database",
    },
    { figure: `${name}: p50`, value: { unit: "ms", spread: spread(runs.map((r) => r.p50)) } },
    { figure: `${name}: p99`, value: { unit: "ms", spread: spread(runs.map((r) => r.p99)) } },
    { figure: `${name}: server CPU per request`, value: { unit: "ms", spread: spread(runs.map((r) => r.cpuMsPerRequest)) } },
  );
  return runs;
}

export async function purchaseFigure(ctx: BenchContext): Promise<void> {
  const { buyers, vendor } = ctx.players;
  if (!vendor || buyers.length === 0) throw new Error("purchases: no buyers were set up");
  ctx.progress(`purchases: logging ${buyers.length} buyers in next to vendor ${vendor.vendorId} …`);
  const login = await ctx.load.call<{ failed: number; firstError?: string }>("login", {
    ...WORLD,
    port: ctx.world.port,
    players: buyers,
    concurrency: 32,
    group: "buyers",
  });
  if (login.failed > 0) throw new Error(`${login.failed} buyer logins failed: ${login.firstError ?? "?"}\n${ctx.world.output()}`);
  const opened = await ctx.load.call<{ failed: number; firstError?: string; units: number[] }>("interact", {
    group: "buyers",
    creatureId: vendor.creatureId,
    event: INTERACTION_EVENT.Vendor,
    reply: "ServerVendorItemsUpdated",
  });
  if (opened.failed > 0) throw new Error(`opening the vendor failed: ${opened.firstError ?? "?"}\n${ctx.world.output()}`);
  ctx.progress(`  vendor ${vendor.vendorId} opened by interaction with unit ${opened.units.join(", ")}`);
  const cal = await calibrate(
    ctx,
    "buyers",
    "purchase",
    { name: "ClientVendorPurchase", value: { stockUniqueId: 1, purchaseQuantity: 1 } },
    "ServerInventoryUpdate",
  );
  const figure = worldLoop(ctx, "buyers", "purchase", cal.terminalSize);
  const name = `vendor purchase, ${buyers.length} buyers`;
  try {
    if (!ctx.url) {
      const runs = await embeddedPurchaseRows(ctx, figure, "purchases", name);
      rateNote(ctx, "purchases", runs, buyers.length);
      return;
    }
    const url = ctx.url;
    ctx.progress("  pgbench -i (TPC-B tables in the bench's database) …");
    await execFileAsync("pgbench", ["-i", "-q", "-s", "1", url]);
    const runs = await alternate(ctx.args.rounds, figure, () => pgbench(url, buyers.length, ctx.args.seconds), ctx.progress, "purchases", ctx.profileWindows);
    rateNote(ctx, "purchases", runs.figure, buyers.length);
    ctx.notes.push(
      `purchases: the world server holds ${ctx.dbPool} database connections (BEZGELOR_DB_POOL_SIZE, --pool), pgbench ${buyers.length}` +
        (ctx.dbPool < buyers.length ? `: buyers beyond the pool wait in the server for one (compare with --pool ${buyers.length})` : ""),
    );
    const [throughput, p50, p99, cpu] = roundTripRows(name, "tx/s", runs, `pgbench -c ${buyers.length} TPC-B`, { throughput: { op: ">=", value: 0.9 } });
    if (throughput) ctx.rows.push(throughput);
    if (p50) ctx.rows.push({ ...p50, figure: `${name}: p50 (pgbench: average)` });
    if (p99) ctx.rows.push({ figure: p99.figure, value: p99.value, note: "pgbench prints no p99" });
    if (cpu) ctx.rows.push({ figure: cpu.figure, value: cpu.value, note: "pgbench: n/a (PostgreSQL's CPU is not the server's)" });
  } finally {
    await ctx.load.call("close", { group: "buyers" });
  }
}

/**
 * Storefront purchases by the store's buyers (ClientStorefrontPurchaseCharacter, each with a fresh
 * transaction id, answered by ServerStorePurchaseResult): half contend on one limited-stock offer's
 * row, half buy an offer without stock each on its own account; vs pgbench TPC-B with as many
 * clients on the same server. A refusal is answered with a frame of the same size, so the offers'
 * sold counters must have grown by at least the purchases counted (warm-ups buy too).
 */
export async function storeFigure(ctx: BenchContext): Promise<void> {
  const store = ctx.players.store;
  if (!store || store.buyers.length === 0) throw new Error("store: no buyers were set up");
  const { buyers, offers } = store;
  ctx.progress(`store: logging ${buyers.length} buyers in …`);
  const login = await ctx.load.call<{ failed: number; firstError?: string }>("login", {
    ...WORLD,
    port: ctx.world.port,
    players: buyers,
    concurrency: 32,
    group: "store",
  });
  if (login.failed > 0) throw new Error(`${login.failed} store buyer logins failed: ${login.firstError ?? "?"}\n${ctx.world.output()}`);
  const first = offers[0] as BenchOffer;
  const probe = { ...first, unknown0: 0, target: { realmId: 0, characterId: 0n }, transactionId: 0 };
  const cal = await calibrate(
    ctx,
    "store",
    "store-probe",
    { name: "ClientStorefrontPurchaseCharacter", value: { purchase: probe } },
    "ServerStorePurchaseResult",
  );
  await ctx.load.call("store-requests", { group: "store", request: "store", offers });
  const soldBefore = await store.sold();
  const figure = worldLoop(ctx, "store", "store", cal.terminalSize);
  const contended = offers.filter((o) => o.offerId === first.offerId).length;
  const name = `store purchase, ${buyers.length} buyers (${contended} on offer ${first.offerId}'s stock)`;
  try {
    let runs: Run[];
    if (!ctx.url) {
      runs = await embeddedPurchaseRows(ctx, figure, "store", name);
    } else {
      const url = ctx.url;
      ctx.progress("  pgbench -i (TPC-B tables in the bench's database) …");
      await execFileAsync("pgbench", ["-i", "-q", "-s", "1", url]);
      const both = await alternate(ctx.args.rounds, figure, () => pgbench(url, buyers.length, ctx.args.seconds), ctx.progress, "store", ctx.profileWindows);
      runs = both.figure;
      const [throughput, p50, p99, cpu] = roundTripRows(name, "tx/s", both, `pgbench -c ${buyers.length} TPC-B`);
      if (throughput) ctx.rows.push(throughput);
      if (p50) ctx.rows.push({ ...p50, figure: `${name}: p50 (pgbench: average)` });
      if (p99) ctx.rows.push({ figure: p99.figure, value: p99.value, note: "pgbench prints no p99" });
      if (cpu) ctx.rows.push({ figure: cpu.figure, value: cpu.value, note: "pgbench: n/a (PostgreSQL's CPU is not the server's)" });
    }
    rateNote(ctx, "store", runs, buyers.length);
    const counted = runs.reduce((n, r) => n + r.requests, 0);
    const sold = (await store.sold()) - soldBefore;
    if (sold < counted) throw new Error(`store: ${counted} purchases counted but only ${sold} units sold: answers were refusals\n${ctx.world.output()}`);
    ctx.notes.push(`store: ${sold} units sold in all (warm-ups included) for ${counted} purchases counted in the timed windows`);
  } finally {
    await ctx.load.call("close", { group: "store" });
  }
}

/** The crowd chatting in one zone vs a bare TCP fan-out of the same bytes. */
export async function zoneFigure(ctx: BenchContext): Promise<void> {
  const { crowd } = ctx.players;
  await loginCrowd(ctx);
  const cal = await calibrate(ctx, "crowd", "line", say, "ServerChatResult");
  const line = cal.frames[cal.names.indexOf("ServerChat")];
  const result = cal.frames[cal.names.lastIndexOf("ServerChatResult")];
  const fanout = await ctx.baseline.call<{ port: number; pid: number }>("start", { mode: "fanout", line, result });
  await ctx.load.call("connect-raw", { ...WORLD, port: fanout.port, count: crowd.length, group: "fanout" });
  const limit = () =>
    timed(fanout.pid, () =>
      ctx.load.call<LoopResult>("loop", {
        group: "fanout",
        bytes: cal.requestBytes,
        terminalSize: cal.terminalSize,
        seconds: ctx.args.seconds,
        serverPid: fanout.pid,
      }),
    );
  ctx.progress(`zone: ${crowd.length} players chatting vs fan-out …`);
  const runs = await alternate(ctx.args.rounds, worldLoop(ctx, "crowd", "line", cal.terminalSize), limit, ctx.progress, "zone", ctx.profileWindows);
  await ctx.load.call("close", { group: "fanout" });
  await ctx.baseline.call("stop");
  rateNote(ctx, "zone", runs.figure, crowd.length);
  ctx.rows.push(...roundTripRows(`one zone of ${crowd.length} chatting players`, "lines/s", runs, "TCP fan-out", { throughput: { op: ">=", value: 0.5 } }));
}

/** Logs the crowd into its zone, once (the zone and movement figures share it; run.ts closes it). */
async function loginCrowd(ctx: BenchContext): Promise<void> {
  const { crowd } = ctx.players;
  if ((await ctx.load.call<number>("size", { group: "crowd" })) === crowd.length) return;
  ctx.progress(`logging ${crowd.length} players into one zone …`);
  const login = await ctx.load.call<{ failed: number; firstError?: string }>("login", {
    ...WORLD,
    port: ctx.world.port,
    players: crowd,
    concurrency: 50,
    group: "crowd",
  });
  if (login.failed > 0) throw new Error(`${login.failed} crowd logins failed: ${login.firstError ?? "?"}`);
}

/** The client's movement send interval (NexusForever's clients send ClientEntityCommand every 125 ms while moving). */
const MOVE_INTERVAL_MS = 125;
/** Clients of the movement loop that time deliveries (each decodes every update it gets). */
const MOVE_PROBES = 4;

interface MoveResult {
  readonly sent: number;
  readonly relayed: number;
  readonly seconds: number;
  readonly offered: number;
  readonly samples: number;
  readonly undelivered: number;
  readonly disconnected: number;
  readonly serverCpuSeconds: number;
  readonly relayedToQuiet: number;
  readonly cpuToQuiet: number;
  readonly secondsToLast: number;
  readonly p50: number;
  readonly p99: number;
}

/**
 * Movement relay (issue 13): the crowd, all in sight of each other, each moving every 125 ms
 * (ClientEntityCommand, an open loop), every move relayed to the others as ServerEntityCommand;
 * vs a bare TCP relay writing an update of the same size to every other connection. Relayed
 * updates per second, the relaying process's CPU per update, and the delivery latency from the
 * sender's send to a probe client's receipt.
 */
export async function moveFigure(ctx: BenchContext): Promise<void> {
  const { crowd } = ctx.players;
  await loginCrowd(ctx);
  const cal = await ctx.load.call<{ updateSize: number; update: string; requestSize: number }>("move-calibrate", { group: "crowd", at: CROWD_PLACE_3D });
  const relay = await ctx.baseline.call<{ port: number; pid: number }>("start", { mode: "relay", update: cal.update });
  const connected = await ctx.load.call<{ connected: number }>("connect-raw", { ...WORLD, port: relay.port, count: crowd.length, group: "relay" });
  if (connected.connected < crowd.length) throw new Error(`only ${connected.connected} of ${crowd.length} relay connections opened`);
  const common = { updateSize: cal.updateSize, intervalMs: MOVE_INTERVAL_MS, seconds: ctx.args.seconds, probes: MOVE_PROBES };
  const results = { figure: [] as MoveResult[], limit: [] as MoveResult[] };
  const asRun = (r: MoveResult): Run => ({
    // Sustained: the window's updates and the backlog after it, until the last arrived. A relay that
    // keeps up relays what was asked; one that cannot is measured by how fast it works its backlog off.
    perSecond: r.relayedToQuiet / r.secondsToLast,
    p50: r.p50,
    p99: r.p99,
    // Over the window and the backlog after it: an overloaded relay's window alone may see few updates.
    cpuMsPerRequest: r.relayedToQuiet > 0 ? (r.cpuToQuiet * 1000) / r.relayedToQuiet : Number.NaN,
    loadCpuMsPerRequest: Number.NaN,
    requests: r.relayed,
    disconnected: r.disconnected,
  });
  ctx.progress(`movement: ${crowd.length} players moving every ${MOVE_INTERVAL_MS} ms vs a bare relay …`);
  const runs = await alternate(
    ctx.args.rounds,
    async () => {
      const r = await ctx.load.call<MoveResult>("move-loop", { group: "crowd", ...common, serverPid: ctx.world.pid });
      results.figure.push(r);
      return asRun(r);
    },
    async () => {
      const r = await ctx.load.call<MoveResult>("move-loop", { group: "relay", relay: { requestSize: cal.requestSize }, ...common, serverPid: relay.pid });
      results.limit.push(r);
      return asRun(r);
    },
    ctx.progress,
    "movement",
    ctx.profileWindows,
  );
  await ctx.load.call("close", { group: "relay" });
  await ctx.baseline.call("stop");
  const name = `movement relay, ${crowd.length} players in sight moving every ${MOVE_INTERVAL_MS} ms`;
  const offered = (list: MoveResult[]) => spread(list.map((r) => r.offered / r.seconds));
  const [throughput, p50, p99, cpu] = roundTripRows(name, "updates/s", runs, "bare TCP relay");
  if (throughput) ctx.rows.push({ ...throughput, figure: `${name}: relayed updates` });
  if (p50) ctx.rows.push({ ...p50, figure: `${name}: delivery p50` });
  if (p99) ctx.rows.push({ ...p99, figure: `${name}: delivery p99` });
  if (cpu) {
    const micro = (m: NonNullable<Row["limit"]> | Row["value"]) => ({
      ...m,
      unit: "µs",
      spread: { min: m.spread.min * 1000, median: m.spread.median * 1000, max: m.spread.max * 1000 },
    });
    ctx.rows.push({
      ...cpu,
      figure: `${name}: relaying process CPU per update`,
      value: micro(cpu.value),
      ...(cpu.limit ? { limit: { ...micro(cpu.limit), name: cpu.limit.name } } : {}),
    });
  }
  const o = offered(results.figure);
  ctx.notes.push(
    `movement: the moves asked for ${Math.round(o.median)} updates/s (sends × ${crowd.length - 1} viewers); clients received ${Math.round(
      spread(results.figure.map((r) => r.relayed / r.seconds)).median,
    )}/s from the world within the window, ${Math.round(spread(results.limit.map((r) => r.relayed / r.seconds)).median)}/s from the bare relay (the rows: the sustained rate, the backlog after the window included); latency from ${MOVE_PROBES} probe clients (${Math.round(
      spread(results.figure.map((r) => r.samples)).median,
    )} samples a round), timed from sends of the window only; CPU per update over the window and the backlog relayed after it; updates the probes still lacked 30 s after the window: world ${
      spread(results.figure.map((r) => r.undelivered)).max
    }, relay ${spread(results.limit.map((r) => r.undelivered)).max}`,
  );
  const lost = runs.figure.reduce((n, r) => n + r.disconnected, 0);
  if (lost > 0) ctx.notes.push(`movement: ${lost} sessions were disconnected during the runs`);
}

const CROWD_PLACE_3D = { x: CROWD_PLACE.x, y: 0, z: CROWD_PLACE.z };
