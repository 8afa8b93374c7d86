// A minimal request/answer protocol over a forked child's IPC channel.
import { fork, type ChildProcess } from "node:child_process";

interface Request {
  readonly id: number;
  readonly op: string;
  readonly args: unknown;
}

interface Answer {
  readonly id: number;
  readonly ok: boolean;
  readonly value?: unknown;
  readonly error?: string;
}

/** A forked bench helper process (the load generator, a baseline server) and its calls. */
export interface Helper {
  readonly child: ChildProcess;
  readonly pid: number;
  call<T>(op: string, args?: unknown): Promise<T>;
  /** Ends the helper (it exits on disconnect) and waits for it. */
  stop(): Promise<void>;
}

/**
 * Forks `file` (a TypeScript module of this directory) with this process's node flags, so tsx and
 * the source conditions apply to it too, and `nodeFlags` (`--cpu-prof` for `--profile`).
 */
export function forkHelper(file: string, extraArgs: string[] = [], nodeFlags: string[] = []): Helper {
  const child = fork(file, extraArgs, {
    execArgv: [...process.execArgv, ...nodeFlags],
    serialization: "advanced",
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  let next = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  child.on("message", (message: Answer) => {
    const p = pending.get(message.id);
    if (!p) return;
    pending.delete(message.id);
    if (message.ok) p.resolve(message.value);
    else p.reject(new Error(message.error ?? "helper failed"));
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  void exited.then(() => {
    for (const p of pending.values()) p.reject(new Error(`bench helper ${file} exited`));
    pending.clear();
  });
  return {
    child,
    pid: child.pid ?? 0,
    call<T>(op: string, args?: unknown) {
      const id = next++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, op, args } satisfies Request);
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        if (child.connected) child.disconnect();
        const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}

/** In a helper: answers the parent's calls with `handlers`; exits when the parent disconnects. */
export function serveParent(handlers: Record<string, (args: any) => unknown>): void {
  process.on("message", (message: Request) => {
    const handler = handlers[message.op];
    void (async () => {
      try {
        if (!handler) throw new Error(`unknown op ${message.op}`);
        const value = await handler(message.args);
        process.send?.({ id: message.id, ok: true, value } satisfies Answer);
      } catch (error) {
        process.send?.({ id: message.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Answer);
      }
    })();
  });
  process.on("disconnect", () => process.exit(0));
}
