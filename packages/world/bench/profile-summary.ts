// Where the world server's CPU went during the bench's timed windows, from its `--cpu-prof`
// profile (`pnpm bench --profile DIR`): self time per request, by kind (socket writes, garbage
// collection, each bezgelor package, node's own JavaScript, ...), and the busiest functions.
// Also runnable alone: `node --import tsx bench/profile-summary.ts <file.cpuprofile> [<from-us> <to-us> <requests>]`.
import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";

/** A timed window of a figure's run: CLOCK_MONOTONIC microseconds, the clock V8's profiles use. */
export interface ProfileWindow {
  readonly label: string;
  /** Whose process served the window: the world server or the baseline server. */
  readonly server: "world" | "baseline";
  readonly startUs: number;
  readonly endUs: number;
  readonly requests: number;
}

interface CallFrame {
  readonly functionName: string;
  readonly url: string;
  readonly lineNumber: number;
}
interface CpuProfile {
  readonly nodes: readonly { readonly id: number; readonly callFrame: CallFrame }[];
  readonly startTime: number;
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** Native functions through which a socket write reaches the kernel (the syscall's time is theirs). */
const SOCKET_WRITES = new Set(["writeBuffer", "writev", "writeUtf8String", "writeLatin1String", "writeAsciiString"]);

/** The kind a sample's function counts under. */
export function kindOf(frame: CallFrame): string {
  const { functionName: name, url } = frame;
  if (name === "(idle)") return "idle";
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(program)") return "native, outside JavaScript (libuv, socket reads)";
  if (url === "") return SOCKET_WRITES.has(name) ? "socket writes (syscall)" : `native: ${name || "(anonymous)"}`;
  if (url.startsWith("node:")) return "node's JavaScript (streams, net)";
  const pkg = /\/packages\/([a-z]+)\//.exec(url);
  if (pkg && !url.includes("node_modules")) return `@bezgelor/${pkg[1]}`;
  const library = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url);
  return library ? `library: ${library[1]}` : "other JavaScript";
}

/** Self time (µs) per kind and per function, of the samples between `fromUs` and `toUs`. */
export function selfTimes(profile: CpuProfile, fromUs: number, toUs: number): { kinds: Map<string, number>; functions: Map<string, number> } {
  const frames = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const kinds = new Map<string, number>();
  const functions = new Map<string, number>();
  let at = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < fromUs || at > toUs) continue;
    const frame = frames.get(profile.samples[i] as number);
    if (!frame) continue;
    const kind = kindOf(frame);
    kinds.set(kind, (kinds.get(kind) ?? 0) + delta);
    const name = `${frame.functionName || "(anonymous)"} ${frame.url ? `${basename(frame.url)}:${frame.lineNumber + 1}` : ""}`.trim();
    functions.set(name, (functions.get(name) ?? 0) + delta);
  }
  return { kinds, functions };
}

/** The summary's lines for one profile over the windows (all runs of a label pooled). */
export function summarize(profile: CpuProfile, windows: readonly ProfileWindow[], thread: string, top = 12): string[] {
  const lines: string[] = [];
  for (const label of [...new Set(windows.map((w) => w.label))]) {
    const mine = windows.filter((w) => w.label === label);
    const requests = mine.reduce((n, w) => n + w.requests, 0);
    const kinds = new Map<string, number>();
    const functions = new Map<string, number>();
    for (const w of mine) {
      const times = selfTimes(profile, w.startUs, w.endUs);
      for (const [k, v] of times.kinds) kinds.set(k, (kinds.get(k) ?? 0) + v);
      for (const [k, v] of times.functions) functions.set(k, (functions.get(k) ?? 0) + v);
    }
    const busy = [...kinds].filter(([k]) => k !== "idle").reduce((n, [, v]) => n + v, 0);
    const wall = mine.reduce((n, w) => n + (w.endUs - w.startUs), 0);
    if (requests === 0 || busy < wall / 100) continue; // a thread (or process) that had no part in it
    lines.push(
      `${label}: ${thread}: ${(busy / requests).toFixed(1)} µs busy per request (${requests} requests, ${((100 * busy) / wall).toFixed(0)} % of the window busy)`,
    );
    const perRequest = (us: number) => `${(us / requests).toFixed(2).padStart(7)} µs ${((100 * us) / busy).toFixed(0).padStart(3)} %`;
    for (const [kind, us] of [...kinds].filter(([k]) => k !== "idle").sort((a, b) => b[1] - a[1])) lines.push(`  ${perRequest(us)}  ${kind}`);
    lines.push("  busiest functions (self time):");
    const byTime = [...functions].filter(([name]) => !name.startsWith("(idle)")).sort((a, b) => b[1] - a[1]);
    for (const [name, us] of byTime.slice(0, top)) lines.push(`    ${perRequest(us)}  ${name}`);
  }
  return lines;
}

/**
 * The summary of every profile of process `pid` in `dir` (one per thread: `--cpu-prof` names them
 * `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`, thread 0 the main one), over `windows`.
 */
export async function summarizeProfiles(dir: string, pid: number, windows: readonly ProfileWindow[], name: string): Promise<string[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith(".cpuprofile") && f.split(".")[3] === String(pid)).sort();
  const lines: string[] = [];
  for (const file of files) {
    const thread = Number(file.split(".")[4]);
    const profile = JSON.parse(await readFile(join(dir, file), "utf8")) as CpuProfile;
    lines.push(...summarize(profile, windows, `${name}, ${thread === 0 ? "main thread" : `worker thread ${thread}`}`));
  }
  return lines;
}

if (process.argv[1]?.endsWith("profile-summary.ts")) {
  const [file, from, to, requests] = process.argv.slice(2);
  if (!file) {
    console.error("usage: profile-summary.ts <file.cpuprofile> [<from-us> <to-us> <requests>]");
    process.exit(2);
  }
  const profile = JSON.parse(await readFile(file, "utf8")) as CpuProfile;
  const window = {
    label: basename(file),
    server: "world" as const,
    startUs: Number(from ?? 0),
    endUs: Number(to ?? Number.MAX_SAFE_INTEGER),
    requests: Number(requests ?? 1),
  };
  console.log(summarize(profile, [window], "whole profile", 30).join("\n"));
}
