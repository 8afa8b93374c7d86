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
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, WORLD_BIN, "serve"], {
    env: { ...inherited(), BEZGELOR_HOST: "127.0.0.1", BEZGELOR_PORT: String(port), BEZGELOR_LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-4000));
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
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
