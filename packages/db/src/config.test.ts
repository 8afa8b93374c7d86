import { describe, expect, it } from "vitest";
import { DbConfigSchema } from "./config.js";

describe("DbConfigSchema", () => {
  it("fills in defaults", () => {
    expect(DbConfigSchema.parse({})).toEqual({ dir: ".data/db", sessionKeyLifetimeSeconds: 1800 });
  });

  it("accepts postgres URLs and numeric strings from the environment", () => {
    expect(DbConfigSchema.parse({ url: "postgresql://u@h/db", sessionKeyLifetimeSeconds: "60" })).toMatchObject({
      url: "postgresql://u@h/db",
      sessionKeyLifetimeSeconds: 60,
    });
  });

  it.each([{ url: "mysql://x" }, { dir: "" }, { sessionKeyLifetimeSeconds: 0 }, { sessionKeyLifetimeSeconds: 1.5 }])("rejects %j", (input) => {
    expect(DbConfigSchema.safeParse(input).success).toBe(false);
  });
});
