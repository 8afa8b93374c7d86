import { statSync } from "node:fs";
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
