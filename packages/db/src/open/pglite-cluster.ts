// Creates the embedded database's cluster, when its data directory has none yet, in a short-lived
// process (pglite-init.ts) rather than on the thread that then serves it: creating a cluster takes
// PGlite ~400 MB that a thread never gives back, and a process that exits does.
import { fork } from "node:child_process";
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { DbLogger } from "../logger.js";

/** The file PGlite (like PostgreSQL) looks for to tell a data directory holds a cluster. */
const CLUSTER_MARKER = "PG_VERSION";

/** The init entry and the node options it runs with: built, dist/pglite-init.js; from source, the .ts through tsx. */
function initEntry(): { entry: string; execArgv: string[] } {
  const here = import.meta.url;
  if (!here.endsWith(".ts")) return { entry: fileURLToPath(new URL("./pglite-init.js", here)), execArgv: [] };
  const tsx = pathToFileURL(createRequire(here).resolve("tsx")).href;
  return { entry: fileURLToPath(new URL("./pglite-init.ts", here)), execArgv: ["--import", tsx] };
}

/**
 * Runs pglite-init on `dataDir`, its pid in `pidFile` while it runs; rejects with its stderr when
 * it fails.
 */
function runInit(dataDir: string, pidFile: string): Promise<void> {
  const { entry, execArgv } = initEntry();
  // execArgv set explicitly: the parent's own (--cpu-prof, --inspect) are not for this process.
  const child = fork(entry, [dataDir], { execArgv, stdio: ["ignore", "ignore", "pipe", "ipc"] });
  if (child.pid !== undefined) writeFileSync(pidFile, String(child.pid));
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`creating its cluster failed (${signal ?? `exit ${code}`}): ${stderr.trim()}`));
    });
  });
}

/**
 * Makes sure `dataDir` holds a PGlite cluster: when it has none, creates one in a child process,
 * in `<dataDir>.creating` first, then renamed into place, so an interrupted creation never leaves a
 * half-made cluster behind. The caller holds the directory's lock. Rejects with an Error when the
 * creation fails, or when `dataDir` exists, is not empty, and holds no cluster (nothing is removed).
 */
export async function createClusterIfMissing(dataDir: string, logger: DbLogger): Promise<void> {
  if (existsSync(path.join(dataDir, CLUSTER_MARKER))) return;
  const staging = `${dataDir}.creating`;
  const pidFile = `${staging}.pid`;
  await stopOrphanedCreator(staging, pidFile, logger);
  rmSync(staging, { recursive: true, force: true }); // left by an interrupted creation
  logger.info({ dataDir }, "creating the embedded database's cluster");
  try {
    await runInit(staging, pidFile);
  } finally {
    rmSync(pidFile, { force: true });
  }
  try {
    // rename(2) replaces an empty directory, and fails on a file or a directory holding anything.
    renameSync(staging, dataDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw new Error(`${dataDir} exists and holds no database (no ${CLUSTER_MARKER}): ${(error as Error).message}`, { cause: error });
  }
}

/** How long a killed creator is waited for before its directory is removed anyway. */
const ORPHAN_EXIT_WAIT_MS = 5000;

/**
 * A creator whose parent was killed (kill -9 while the server started) goes on writing into the
 * staging directory for seconds: its "disconnect" handler cannot run while PGlite's initdb keeps
 * it busy. Removing that directory under it failed (ENOTEMPTY) or could mix two clusters, so the
 * creator named by `pidFile` is killed, and waited for, first. A pid that no longer runs
 * pglite-init on `staging` (gone, a zombie, or reused by another program) is left alone.
 */
async function stopOrphanedCreator(staging: string, pidFile: string, logger: DbLogger): Promise<void> {
  let pid: number;
  try {
    pid = Number(readFileSync(pidFile, "utf8"));
  } catch {
    return;
  }
  if (Number.isSafeInteger(pid) && pid > 0 && isCreatorOf(pid, staging)) {
    logger.warn({ pid, staging }, "stopping the cluster creation an interrupted start left running");
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Gone meanwhile.
    }
    for (const deadline = Date.now() + ORPHAN_EXIT_WAIT_MS; isCreatorOf(pid, staging) && Date.now() < deadline;) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  rmSync(pidFile, { force: true });
}

/** Whether `pid` is a live (not zombie) pglite-init creating `staging`; without /proc, whether it is alive. */
function isCreatorOf(pid: number, staging: string): boolean {
  try {
    const state = readFileSync(`/proc/${pid}/stat`, "utf8").replace(/^.*\) /s, "")[0];
    if (state === "Z" || state === "X") return false;
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(staging);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT" || existsSync("/proc/self")) return false;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
