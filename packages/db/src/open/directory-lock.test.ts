import { describe, expect, it } from "vitest";
import { DB_ERROR_CODES } from "../errors.js";
import { lockedError, type LockInfo } from "./directory-lock.js";

const command: LockInfo = { pid: 4242, hostname: "here", startedAt: "2026-01-01T00:00:00.000Z", command: "node bin.ts account create", token: "t" };

describe("lockedError", () => {
  it("says a process that uses the directory alone is another command, to wait for or stop, in operator terms", () => {
    const error = lockedError("/data/db", command, 30);
    expect(error.code).toBe(DB_ERROR_CODES.DIRECTORY_LOCKED);
    expect(error.message).toContain("in use by pid 4242 on here (node bin.ts account create)");
    expect(error.message).toContain("Waited 30.0 s for it (db.lockWaitSeconds).");
    expect(error.message).toContain("It uses the directory alone (most likely another bezgelor command, run while no world server is running)");
    expect(error.message).toContain("wait for it to finish, or stop it (kill 4242), then try again");
    expect(error.message).toContain("delete /data/db/bezgelor.lock");
    expect(error.message).not.toMatch(/share/);
  });

  it("says a sharing holder is a world server that did not answer, and how to resume or stop it", () => {
    for (const server of [
      { ...command, socket: "/data/db/.s.PGSQL.5432" },
      { ...command, willShare: true },
    ]) {
      const message = lockedError("/data/db", server).message;
      expect(message).toContain("It is a world server (bezgelor serve), which runs commands alongside it, but it does not answer");
      expect(message).toContain("resume it (kill -CONT 4242)");
      expect(message).toContain("stop it (Ctrl-C or kill 4242)");
      expect(message).not.toMatch(/share: true|Waited/);
    }
  });
});
