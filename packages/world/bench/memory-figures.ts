// The memory figures: server RSS per idle connection and per in-world session, extrapolated to
// the goal of 20,000 sessions in 1 GiB.
import { latencyOf, spread } from "./stats";
import { rssBytes, type WorldProcess } from "./world-process";
import type { BenchContext } from "./scenarios";

const KIB = 1024;
const MIB = 1024 * 1024;
/** The memory goal: 20,000 idle sessions in 1 GiB. */
const GOAL_SESSIONS = 20_000;
const WORLD = { host: "127.0.0.1" };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** How long after a full GC the server's RSS is read: V8 returns freed pages from a background task. */
const AFTER_GC_MS = 2000;

/** The server's RSS right now, and after a full GC. */
interface Rss {
  readonly raw: number;
  readonly bytes: number;
}

/**
 * The server's RSS once the garbage of what it just did is collected. V8 grows the heap through a
 * burst of work (1,000 logins grew it from 78 to 262 MB) and returns it only when its memory
 * reducer runs some idle time later (25 to over 60 s here, or not at all while nothing
 * allocates), so RSS read right after a burst counts that garbage, and read later it may fall
 * below an earlier reading: a delta between two such readings is no session's cost. Both readings
 * are taken after a full GC instead (twice: the first one's finalizers free more).
 */
async function rssAfterGc(world: WorldProcess): Promise<Rss> {
  const raw = rssBytes(world.pid);
  await world.collectGarbage();
  await world.collectGarbage();
  await sleep(AFTER_GC_MS);
  return { raw, bytes: rssBytes(world.pid) };
}

/**
 * Memory per connected (not logged in) session at `args.idle` sessions, opened in two halves, RSS
 * read after a full GC ({@link rssAfterGc}): the first half may fit in heap the server already had,
 * so the extrapolation to the goal's 20,000 uses the larger of the average and the second half's
 * growth per session.
 */
export async function memoryFigure(ctx: BenchContext): Promise<void> {
  const { world, load, args } = ctx;
  const before = await rssAfterGc(world);
  const half = Math.floor(args.idle / 2);
  ctx.progress(`memory: opening ${args.idle} idle sessions in two halves …`);
  const first = await load.call<{ connected: number; firstError?: string }>("connect-idle", { ...WORLD, port: world.port, count: half, group: "idle-1" });
  const middle = await rssAfterGc(world);
  const second = await load.call<{ connected: number; firstError?: string }>("connect-idle", {
    ...WORLD,
    port: world.port,
    count: args.idle - half,
    group: "idle-2",
  });
  const after = await rssAfterGc(world);
  await load.call("close", { group: "idle-1" });
  await load.call("close", { group: "idle-2" });
  const connected = first.connected + second.connected;
  if (connected < args.idle)
    ctx.notes.push(`memory: only ${connected} of ${args.idle} idle sessions connected (${first.firstError ?? second.firstError ?? "?"})`);
  const average = (after.bytes - before.bytes) / Math.max(1, connected);
  const secondHalf = (after.bytes - middle.bytes) / Math.max(1, second.connected);
  const perSession = measuredGrowth(Math.max(average, secondHalf));
  const perSessionLimit = GIB_PER_GOAL / GOAL_SESSIONS;
  ctx.rows.push(
    {
      figure: `memory per idle session (${connected} connected, not logged in; server RSS delta after a GC)`,
      value: { unit: "KiB", spread: spread([perSession / KIB]) },
      limit: { name: "1 GiB / 20,000", unit: "KiB", spread: spread([perSessionLimit / KIB]) },
      ratio: spread([perSession / perSessionLimit]),
      goal: { op: "<=", value: 1 },
    },
    {
      figure: "server RSS at 20,000 idle sessions (extrapolated)",
      value: { unit: "MiB", spread: spread([(after.bytes + Math.max(0, GOAL_SESSIONS - connected) * perSession) / MIB]) },
      goal: { op: "<=", value: 1024, on: "value" },
      note: `RSS after a GC ${Math.round(before.bytes / MIB)} MiB empty (${Math.round(before.raw / MIB)} before it), ${Math.round(after.bytes / MIB)} MiB at ${connected} (${Math.round(after.raw / MIB)}); + ${(perSession / KIB).toFixed(1)} KiB each`,
    },
  );
  await sleep(500);
}

const GIB_PER_GOAL = 1024 * MIB;

/**
 * A per-session RSS growth, or NaN (printed "n/a", judged neither way) when RSS did not grow even
 * read after a GC: memory was returned to the system meanwhile (the allocator's, or the embedded
 * database thread's heap, which the GC does not reach), so the delta says nothing about a session.
 */
function measuredGrowth(bytesPerSession: number): number {
  return bytesPerSession > 0 ? bytesPerSession : Number.NaN;
}

/**
 * Logs the round-trip players in (the login storm, in two halves) and records logins/s and memory
 * per in-world session, RSS read after a full GC ({@link rssAfterGc}) before, between the halves
 * and after. The per-session cost is the second half's growth per session: the first half also
 * pays what the first logins cost once (compiled code, the embedded database's WASM memory, which
 * never shrinks, grown to its working size), which 20,000 sessions do not pay again.
 */
export async function loginFigure(ctx: BenchContext): Promise<void> {
  const { world, load, players } = ctx;
  const before = await rssAfterGc(world);
  const half = Math.ceil(players.solo.length / 2);
  const halves = [players.solo.slice(0, half), players.solo.slice(half)];
  const concurrency = Math.min(100, half);
  const latencies: number[] = [];
  const readings: Rss[] = [];
  let logins = 0;
  let seconds = 0;
  for (const [i, batch] of halves.entries()) {
    ctx.progress(`login: ${batch.length} players (half ${i + 1} of 2), ${concurrency} at a time …`);
    const result = await load.call<{ logins: number; seconds: number; latencies: number[]; failed: number; firstError?: string }>("login", {
      ...WORLD,
      port: world.port,
      players: batch,
      concurrency,
      group: "solo",
      append: i > 0,
    });
    if (result.failed > 0) throw new Error(`${result.failed} logins failed: ${result.firstError ?? "?"}\n${world.output()}`);
    readings.push(await rssAfterGc(world));
    latencies.push(...result.latencies);
    logins += result.logins;
    seconds += result.seconds;
  }
  const [middle, after] = readings as [Rss, Rss];
  const perSession = measuredGrowth((after.bytes - middle.bytes) / Math.max(1, logins - half));
  const firstHalf = (middle.bytes - before.bytes) / Math.max(1, half);
  const { p50, p99 } = latencyOf(latencies);
  const mib = (bytes: number) => Math.round(bytes / MIB);
  ctx.rows.push(
    {
      figure: `logins (${logins} players in two halves, ${concurrency} at a time): connect → in world`,
      value: { unit: "logins/s", spread: spread([logins / seconds]) },
      note: `p50 ${p50.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms; no limit measured`,
    },
    {
      figure: `memory per in-world session (${logins} logged in; server RSS delta after a GC)`,
      value: { unit: "KiB", spread: spread([perSession / KIB]) },
      note: `the second half's growth; the first half's ${(firstHalf / KIB).toFixed(0)} KiB each also pays what the first logins cost once. RSS after a GC ${mib(before.bytes)} → ${mib(middle.bytes)} → ${mib(after.bytes)} MiB (before it ${mib(before.raw)} → ${mib(middle.raw)} → ${mib(after.raw)}: the storm's garbage)`,
    },
    {
      figure: "server RSS at 20,000 in-world sessions (extrapolated)",
      value: { unit: "MiB", spread: spread([(after.bytes + Math.max(0, GOAL_SESSIONS - logins) * perSession) / MIB]) },
      goal: { op: "<=", value: 1024, on: "value" },
      note: `RSS ${mib(after.bytes)} MiB at ${logins} + ${(perSession / KIB).toFixed(1)} KiB each`,
    },
  );
}
