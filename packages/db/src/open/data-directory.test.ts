import { existsSync, readdirSync, statSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { ensureDataDirectory } from "./data-directory.js";

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "bezgelor-data-dir-"));
});
afterAll(() => rm(root, { recursive: true, force: true }));

function refusal(dir: string): DbError {
  try {
    ensureDataDirectory(dir);
  } catch (error) {
    expect(error).toBeInstanceOf(DbError);
    expect((error as DbError).code).toBe(DB_ERROR_CODES.DIRECTORY_UNUSABLE);
    return error as DbError;
  }
  throw new Error(`${dir} was accepted`);
}

describe("ensureDataDirectory", () => {
  it("makes a missing directory and its parents, takes an existing one, returns the absolute path", () => {
    const dir = path.join(root, "a", "b", "db");
    expect(ensureDataDirectory(dir)).toBe(dir);
    expect(statSync(dir).isDirectory()).toBe(true);
    expect(ensureDataDirectory(path.relative(process.cwd(), dir))).toBe(dir);
    expect(readdirSync(dir)).toEqual([]); // the write probe is gone
  });

  // Seen by a tester: the lock's write failed with EACCES's stack trace and exit 1.
  it.runIf(existsSync("/proc/self"))("refuses an existing directory that takes no file (/proc), saying why", () => {
    const error = refusal("/proc");
    expect(error.message).toMatch(/^The embedded database directory \/proc cannot be written: creating a file in it failed \((ENOENT|EACCES|EROFS): /);
    expect(error.details).toMatchObject({ dir: "/proc", path: "/proc" });
  });

  it("refuses a file in the directory's place, or in its path, naming it", async () => {
    const file = path.join(root, "file");
    await writeFile(file, "x");
    const itself = refusal(file);
    expect(itself.message).toBe(`The embedded database directory ${file} is a file, not a directory.`);
    expect(itself.details).toEqual({ dir: file, path: file, errno: "ENOTDIR" });
    const under = refusal(path.join(file, "db"));
    expect(under.message).toBe(`The embedded database directory ${path.join(file, "db")} cannot be created: ${file} is a file, not a directory.`);
    expect(under.details).toMatchObject({ path: file });
  });
});
