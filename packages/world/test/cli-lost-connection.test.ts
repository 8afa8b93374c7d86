// A connection the database ends in the middle of a command (pg_terminate_backend on PostgreSQL,
// as an operator or a failover does) is an unknown outcome: exit 5, one error line naming the
// SQLSTATE instead of Prisma's multi-line invocation text, and the retry line with the key.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Database, OpenDatabaseOptions } from "@bezgelor/db";
import type { CliIo } from "../src/cli/main";
import { cliHarness } from "./support/cli";

const harness = cliHarness("cli-lost-connection");
const email = `lost-${randomUUID()}@example.test`;

/** A seam whose database has the first transaction's own backend terminated inside it, before its first statement. */
function terminatingFirstTransaction(): Pick<CliIo, "openDatabase"> {
  let done = false;
  return {
    openDatabase: async (options: OpenDatabaseOptions): Promise<Database> => {
      const database = await harness.open(options);
      const client = new Proxy(database.client, {
        get(target, prop) {
          if (prop === "$transaction" && !done) {
            return (fn: (tx: typeof target) => Promise<unknown>, ...rest: unknown[]) => {
              done = true;
              const killing = async (tx: typeof target) => {
                await tx.$executeRawUnsafe("SELECT pg_terminate_backend(pg_backend_pid())");
                return fn(tx);
              };
              return (target.$transaction as (...a: unknown[]) => Promise<unknown>)(killing, ...rest);
            };
          }
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === "function" ? (value as (...a: unknown[]) => unknown).bind(target) : value;
        },
      });
      return { ...database, client };
    },
  };
}

describe.runIf(harness.env.DATABASE_URL)("a connection killed mid-command", () => {
  beforeAll(async () => {
    expect((await harness.cli("account", "create", "--email", email, "--password", "cli-password")).code).toBe(0);
  });

  it("exits 5 with one error line naming 57P01 and the retry line; the retry applies the grant once", async () => {
    let stderr = "";
    const key = `lost-${randomUUID()}`;
    const argv = ["currency", "grant", "--email", email, "--currency", "bonus", "--amount", "3", "--reason", "k9", "--key", key];
    const code = await harness.run(argv, { stderr: (t) => void (stderr += t), ...terminatingFirstTransaction() });
    expect(code, stderr).toBe(5);
    const lines = stderr.trimEnd().split("\n");
    expect(lines, stderr).toEqual([
      `retry safely (applied at most once): bezgelor ${argv.join(" ")}`,
      expect.stringMatching(/^error: the outcome is unknown: /),
    ]);
    expect(lines[1]).toContain("the database connection failed or was lost (57P01: terminating connection due to administrator command)");
    expect(lines[1]).toMatch(/\[OUTCOME_UNKNOWN\]$/);
    expect(stderr).not.toContain("Invalid `prisma");
    // The backend died before the grant's statement: the retry applies it, once.
    const retried = await harness.cli(...argv, "--json");
    expect(retried.json()).toMatchObject({ replayed: false, delta: "3", idempotencyKey: key });
    expect((await harness.cli(...argv, "--json")).json()).toMatchObject({ replayed: true });
  });
});
