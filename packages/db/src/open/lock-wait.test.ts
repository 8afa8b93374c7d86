import { describe, expect, it } from "vitest";
import type { LockInfo } from "./directory-lock.js";
import { LOCK_WAIT_PROGRESS_MS, lockWait } from "./lock-wait.js";

const holder = (n: number): LockInfo => ({ pid: 1000 + n, hostname: "here", startedAt: "2026-01-01T00:00:00.000Z", command: `command ${n}`, token: `t-${n}` });

function fixture() {
  const said: string[] = [];
  let clock = 0;
  const wait = lockWait(
    "/data/db",
    (m) => said.push(m),
    () => clock,
  );
  return { said, wait, advance: (ms: number) => (clock += ms) };
}

describe("lockWait", () => {
  it("says nothing when the opener never waited", () => {
    const { said, wait } = fixture();
    wait.ended();
    expect(said).toEqual([]);
    expect(wait.waiting).toBe(false);
  });

  it("says the start once, not per retry or per holder, then the end", () => {
    const { said, wait, advance } = fixture();
    for (let retry = 0; retry < 50; retry++) {
      wait.held(holder(retry % 5), 30_000 - retry * 100);
      advance(100);
    }
    wait.ended();
    expect(said).toEqual([
      "Database directory /data/db is in use by pid 1000 on here (command 0); waiting up to 30 s for it to finish (db.lockWaitSeconds)...",
      "Database directory /data/db is free after waiting 5.0 s; going on.",
    ]);
  });

  it("says it still waits at most once per progress interval, naming the holder then", () => {
    const { said, wait, advance } = fixture();
    wait.held(holder(1), 60_000);
    advance(LOCK_WAIT_PROGRESS_MS - 1);
    wait.held(holder(1), 60_000 - LOCK_WAIT_PROGRESS_MS + 1);
    advance(1);
    wait.held(holder(2), 60_000 - LOCK_WAIT_PROGRESS_MS);
    wait.held(holder(2), 60_000 - LOCK_WAIT_PROGRESS_MS);
    expect(said).toHaveLength(2);
    expect(said[1]).toBe("Still waiting for database directory /data/db after 20 s, now in use by pid 1002 on here (command 2); 40 s left.");
  });

  it("names the world server it reached at the end", () => {
    const { said, wait, advance } = fixture();
    wait.held(holder(1), 30_000);
    advance(1500);
    wait.ended(holder(2));
    expect(said[1]).toBe("Reached database directory /data/db through the world server (pid 1002) after waiting 1.5 s; going on.");
  });
});
