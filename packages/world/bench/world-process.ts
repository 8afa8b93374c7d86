// The world server under test, as its own process: the built `dist/bin.js serve`, on a temporary
// embedded directory or a PostgreSQL database, on a free port of 127.0.0.1.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { connect, createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { sleep } from "./loops";

/** The built server entry point the root `pnpm bench` builds first. */
export const WORLD_BIN = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "bin.js");

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address ? address.port : 0;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); NaN elsewhere. */
export function cpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command (which may hold spaces) start after its closing parenthesis.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return Number.NaN;
  }
}

/** Resident memory of a process in bytes, from /proc (Linux); NaN elsewhere. */
export function rssBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** USER_HZ: Linux reports /proc times in 1/100 s on every mainstream architecture. */
const CLOCK_TICKS = 100;

/** A running world server process. */
export interface WorldProcess {
  readonly pid: number;
  readonly port: number;
  /** The last lines it printed (warnings and errors), for failure messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after 30 s; resolves when it has exited. */
  stop(): Promise<void>;
  /**
   * Has the server collect all its garbage now (a full GC of each thread, through its inspector),
   * as its heaps would shrink on their own after some idle time. Rejects when the inspector does not
   * answer within 60 s.
   */
  collectGarbage(): Promise<void>;
}

/**
 * Starts `dist/bin.js serve` with `env` added to this process's environment (the caller passes the
 * database and the raised limits) and waits until it accepts connections. `nodeArgs` go to node
 * before the script (e.g. `--cpu-prof` to profile the server).
 * @throws Error when it is not built, exits, or does not listen within two minutes.
 */
export async function startWorld(env: Record<string, string>, nodeArgs: readonly string[] = []): Promise<WorldProcess> {
  if (!existsSync(WORLD_BIN)) throw new Error(`${WORLD_BIN} is missing: run the bench through the root \`pnpm bench\`, which builds it`);
  const port = await freePort();
  // The inspector listens on a free port of 127.0.0.1 for collectGarbage() only; no session is
  // attached otherwise, so it costs the measured figures nothing.
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, "--inspect=127.0.0.1:0", WORLD_BIN, "serve"], {
    env: { ...inherited(), BEZGELOR_HOST: "127.0.0.1", BEZGELOR_PORT: String(port), BEZGELOR_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  let inspector: string | undefined;
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", (chunk: Buffer) => {
    inspector ??= /Debugger listening on (ws:\/\/\S+)/.exec(chunk.toString())?.[1];
    keep(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const world: WorldProcess = {
    pid: child.pid ?? 0,
    port,
    output: () => tail,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      await exited;
      clearTimeout(timer);
    },
    collectGarbage() {
      if (!inspector) return Promise.reject(new Error(`the world server printed no inspector address:\n${tail}`));
      return inspectorGc(inspector);
    },
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the world server exited (${child.exitCode}):\n${tail}`);
    if (await accepts(port)) return world;
    await sleep(200);
  }
  await world.stop();
  throw new Error(`the world server did not listen on ${port} within two minutes:\n${tail}`);
}

/** This process's environment without the server's own settings, which the bench sets itself. */
function inherited(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("BEZGELOR_") && name !== "DATABASE_URL"));
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

// A client of the inspector's WebSocket in a process of its own: node 20 has WebSocket only behind
// a flag (later versions have it by default). HeapProfiler.collectGarbage is a full GC of one
// thread's heap: each worker thread's (the embedded database's) first, through NodeWorker, then
// the main thread's.
const GC_SCRIPT = `
const ws = new WebSocket(process.argv[1]);
const send = (id, method, params) => ws.send(JSON.stringify({ id, method, params }));
const workers = [];
let waiting = 0;
const collectMain = () => send(2, "HeapProfiler.collectGarbage");
ws.onopen = () => send(1, "NodeWorker.enable", { waitForDebuggerOnStart: false });
ws.onmessage = (event) => {
  const message = JSON.parse(String(event.data));
  if (message.error) process.exit(1);
  if (message.method === "NodeWorker.attachedToWorker") workers.push(message.params.sessionId);
  else if (message.method === "NodeWorker.receivedMessageFromWorker") {
    if (JSON.parse(message.params.message).id === 1 && --waiting === 0) collectMain();
  } else if (message.id === 1) {
    // The running workers are announced right after the answer to enable.
    setTimeout(() => {
      waiting = workers.length;
      if (waiting === 0) return collectMain();
      for (const [i, sessionId] of workers.entries())
        send(10 + i, "NodeWorker.sendMessageToWorker", { sessionId, message: JSON.stringify({ id: 1, method: "HeapProfiler.collectGarbage" }) });
    }, 500);
  } else if (message.id === 2) {
    ws.close();
    process.exit(0);
  }
};
ws.onerror = () => process.exit(1);
setTimeout(() => process.exit(1), 60000);
`;

/**
 * Has the process whose inspector listens at `url` (ws://…) run a full GC of each thread's heap.
 * Rejects when it does not answer within 60 s.
 */
export function inspectorGc(url: string): Promise<void> {
  const flags = typeof (globalThis as { WebSocket?: unknown }).WebSocket === "undefined" ? ["--experimental-websocket"] : [];
  const child = spawn(process.execPath, [...flags, "-e", GC_SCRIPT, url], { stdio: "ignore" });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the world server's inspector at ${url} did not collect garbage (exit ${code})`))));
  });
}
