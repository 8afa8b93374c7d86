// Alternated, repeated measurement of a figure and its limit, and the rows they make.
import type { LoopResult } from "./loops";
import type { ProfileWindow } from "./profile-summary";
import { formatNumber, ratioSpread, type Goal, type Row } from "./report";
import { spread } from "./stats";
import { cpuSeconds } from "./world-process";

/** One timed run of a closed loop, with the CPU its server process spent meanwhile. */
export interface Run {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  /** Milliseconds of the server's CPU per completed request; NaN when unknown. */
  readonly cpuMsPerRequest: number;
  /** Milliseconds of the load process's CPU per completed request (the clients' cost); NaN when unknown. */
  readonly loadCpuMsPerRequest: number;
  readonly requests: number;
  readonly disconnected: number;
  /** The loop's timed window (CLOCK_MONOTONIC µs), when it reported one. */
  readonly window?: readonly [number, number];
}

/**
 * Runs `loop` and turns its counts into rates. The server's CPU is the loop's own reading of the
 * timed window when it has one, else read around the whole call from `pid` (no pid: no CPU figure).
 */
export async function timed(
  pid: number | undefined,
  loop: () => Promise<
    Pick<LoopResult, "requests" | "seconds" | "p50" | "p99"> & {
      disconnected?: number;
      serverCpuSeconds?: number;
      loadCpuSeconds?: number;
      window?: readonly [number, number];
    }
  >,
): Promise<Run> {
  const before = pid === undefined ? Number.NaN : cpuSeconds(pid);
  const result = await loop();
  const after = pid === undefined ? Number.NaN : cpuSeconds(pid);
  const cpu = result.serverCpuSeconds !== undefined && Number.isFinite(result.serverCpuSeconds) ? result.serverCpuSeconds : after - before;
  return {
    perSecond: result.requests / result.seconds,
    p50: result.p50,
    p99: result.p99,
    cpuMsPerRequest: result.requests > 0 ? (cpu * 1000) / result.requests : Number.NaN,
    loadCpuMsPerRequest: result.requests > 0 && result.loadCpuSeconds !== undefined ? (result.loadCpuSeconds * 1000) / result.requests : Number.NaN,
    requests: result.requests,
    disconnected: result.disconnected ?? 0,
    ...(result.window ? { window: result.window } : {}),
  };
}

/**
 * `rounds` times: the limit, then the figure (so neither always runs on a warmer machine first).
 * The timed windows are added to `windows` under `label` (the limit's as "`label` (limit)"), for
 * the summaries of the profiles of `servers`: whose process served the figure and the limit.
 */
export async function alternate(
  rounds: number,
  figure: () => Promise<Run>,
  limit: () => Promise<Run>,
  progress: (line: string) => void,
  label: string,
  windows?: ProfileWindow[],
  servers: { readonly figure: ProfileWindow["server"]; readonly limit: ProfileWindow["server"] } = { figure: "world", limit: "baseline" },
): Promise<{ figure: Run[]; limit: Run[] }> {
  const runs = { figure: [] as Run[], limit: [] as Run[] };
  for (let round = 0; round < rounds; round++) {
    const first = round % 2 === 0 ? "limit" : "figure";
    for (const which of [first, first === "limit" ? "figure" : "limit"] as const) {
      const run = await (which === "figure" ? figure() : limit());
      runs[which].push(run);
      if (run.window) {
        const [startUs, endUs] = run.window;
        windows?.push({ label: which === "figure" ? label : `${label} (limit)`, server: servers[which], startUs, endUs, requests: run.requests });
      }
      progress(
        `  ${label} round ${round + 1}/${rounds} ${which}: ${Math.round(run.perSecond)}/s, p50 ${formatNumber(run.p50)} ms, p99 ${formatNumber(run.p99)} ms`,
      );
    }
  }
  return runs;
}

type NumericKey = Exclude<keyof Run, "window">;
const of = (runs: readonly Run[], key: NumericKey) => runs.map((r) => r[key]);

/**
 * The rows of a round-trip figure: throughput (with `goal`), p50, p99 (with `p99Goal`), server CPU
 * per request, and the load process's CPU per request.
 */
export function roundTripRows(
  name: string,
  unit: string,
  runs: { figure: Run[]; limit: Run[] },
  limitName: string,
  goals: { throughput?: Goal; p99?: Goal } = {},
): Row[] {
  const { figure, limit } = runs;
  const row = (label: string, key: NumericKey, u: string, goal?: Goal): Row => ({
    figure: `${name}: ${label}`,
    value: { unit: u, spread: spread(of(figure, key)) },
    limit: { name: limitName, unit: u, spread: spread(of(limit, key)) },
    ratio: ratioSpread(of(figure, key), of(limit, key)),
    ...(goal ? { goal } : {}),
  });
  const rows = [row("throughput", "perSecond", unit, goals.throughput), row("p50", "p50", "ms"), row("p99", "p99", "ms", goals.p99)];
  if (figure.some((r) => Number.isFinite(r.cpuMsPerRequest))) rows.push(row("server CPU per request", "cpuMsPerRequest", "ms"));
  // The clients' CPU: were the load process the limit, both sides would be measuring it.
  if (figure.some((r) => Number.isFinite(r.loadCpuMsPerRequest))) rows.push(row("load generator CPU per request", "loadCpuMsPerRequest", "ms"));
  return rows;
}
