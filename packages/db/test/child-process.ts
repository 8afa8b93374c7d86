import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const fixture = path.join(packageDir, "test/fixtures/open-child.ts");

/** A running open-child.ts with its first JSON report. */
export interface Child {
  process: ChildProcess;
  report: Promise<Record<string, unknown>>;
  exited: Promise<number | null>;
  /** Resolves once the child's stderr contains `text` (its log lines). */
  logged(text: string): Promise<void>;
}

/** Starts test/fixtures/open-child.ts in a separate Node process (with `env` added to this one's). */
export function startChild(args: string[], env: Record<string, string> = {}): Child {
  const child = spawn(process.execPath, ["--conditions=@bezgelor/source", "--import", "tsx", fixture, ...args], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  const waiters: { text: string; resolve: () => void }[] = [];
  child.stderr.on("data", (d: Buffer) => {
    stderr += d.toString();
    for (const waiter of waiters.filter((w) => stderr.includes(w.text))) waiter.resolve();
  });
  const logged = (text: string) =>
    new Promise<void>((resolve) => {
      if (stderr.includes(text)) resolve();
      else waiters.push({ text, resolve });
    });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const report = new Promise<Record<string, unknown>>((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const line = out.split("\n")[0];
      if (out.includes("\n") && line) resolve(JSON.parse(line) as Record<string, unknown>);
    });
    void exited.then((code) => reject(new Error(`child exited (${code}) without a report; stderr:\n${stderr}`)));
  });
  return { process: child, report, exited, logged };
}

/** Runs a child to completion and returns its report. */
export async function runChild(args: string[], env: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const child = startChild(args, env);
  const report = await child.report;
  await child.exited;
  return report;
}
