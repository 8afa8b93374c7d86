import { describe, expect, it } from "vitest";
import { DbConfigSchema, DEFAULT_LOCK_WAIT_SECONDS, DEFAULT_POOL_SIZE } from "./config.js";

describe("DbConfigSchema", () => {
  it("fills in defaults", () => {
    expect(DbConfigSchema.parse({})).toEqual({ dir: ".data/db", sessionKeyLifetimeSeconds: 1800, poolSize: DEFAULT_POOL_SIZE, lockWaitSeconds: 30 });
    expect(DEFAULT_LOCK_WAIT_SECONDS).toBe(30);
    expect(DEFAULT_POOL_SIZE).toBeGreaterThanOrEqual(10);
  });

  it("accepts postgres URLs and numeric strings from the environment", () => {
    expect(DbConfigSchema.parse({ url: "postgresql://u@h/db", sessionKeyLifetimeSeconds: "60", poolSize: "32", lockWaitSeconds: "0" })).toMatchObject({
      url: "postgresql://u@h/db",
      sessionKeyLifetimeSeconds: 60,
      poolSize: 32,
      lockWaitSeconds: 0,
    });
  });

  it.each([
    { url: "mysql://x" },
    { dir: "" },
    { sessionKeyLifetimeSeconds: 0 },
    { sessionKeyLifetimeSeconds: 1.5 },
    { poolSize: 0 },
    { poolSize: 2.5 },
    { poolSize: 1001 },
    { poolSize: "many" },
    { lockWaitSeconds: -1 },
    { lockWaitSeconds: 0.5 },
    { lockWaitSeconds: 3601 },
    { lockWaitSeconds: "soon" },
  ])("rejects %j", (input) => {
    expect(DbConfigSchema.safeParse(input).success).toBe(false);
  });
});
