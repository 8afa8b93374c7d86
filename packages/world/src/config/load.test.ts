import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ENV_SETTINGS, ENV_VARS, loadConfig, unknownEnvVars } from "./load";

/** The refusal loadConfig throws for `env`, its message. */
const refusal = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("loadConfig accepted the configuration");
};

describe("loadConfig", () => {
  it("uses safe defaults: embedded database, port 24000, classic reputation", () => {
    const config = loadConfig({});
    expect(config.db).toMatchObject({ dir: ".data/db", sessionKeyLifetimeSeconds: 1800 });
    expect(config.db.url).toBeUndefined();
    expect(config.server).toMatchObject({ host: "0.0.0.0", port: 24000, maxFrameSize: 65536 });
    expect(config.reputationScale).toBe("classic");
  });

  it("reads every variable, and the environment wins over the file", () => {
    const dir = mkdtempSync(join(tmpdir(), "bezgelor-config-"));
    const file = join(dir, "config.json");
    writeFileSync(file, JSON.stringify({ server: { port: 1111, realmId: 7 }, logLevel: "warn" }));
    const config = loadConfig({
      BEZGELOR_CONFIG: file,
      BEZGELOR_PORT: "2222",
      DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/x",
      BEZGELOR_SESSION_KEY_LIFETIME: "60",
      BEZGELOR_REPUTATION_SCALE: "wildstar",
      BEZGELOR_RATE_LIMIT: "5",
    });
    expect(config.server).toMatchObject({ port: 2222, realmId: 7, rateLimitPerSecond: 5 });
    expect(config.logLevel).toBe("warn");
    expect(config.db).toMatchObject({ url: "postgresql://postgres@127.0.0.1:5432/x", sessionKeyLifetimeSeconds: 60 });
    expect(config.reputationScale).toBe("wildstar");
  });

  it("names every bad setting in one error", () => {
    expect(() => loadConfig({ BEZGELOR_PORT: "seventy", BEZGELOR_REPUTATION_SCALE: "mmo" })).toThrow(
      expect.objectContaining({
        code: "CONFIG_INVALID",
        message: expect.stringMatching(/server\.port[\s\S]*reputationScale|reputationScale[\s\S]*server\.port/),
      }),
    );
  });

  it("reads the login and frame deadlines and the connection caps, and refuses bad ones", () => {
    const config = loadConfig({
      BEZGELOR_LOGIN_TIMEOUT: "5",
      BEZGELOR_FRAME_TIMEOUT: "0.5",
      BEZGELOR_MAX_CONNECTIONS: "100",
      BEZGELOR_MAX_CONNECTIONS_PER_ADDRESS: "4",
    });
    expect(config.server).toMatchObject({ loginTimeoutSeconds: 5, frameTimeoutSeconds: 0.5, maxConnections: 100, maxConnectionsPerAddress: 4 });
    expect(loadConfig({}).server).toMatchObject({ loginTimeoutSeconds: 30, frameTimeoutSeconds: 10, maxConnections: 2000, maxConnectionsPerAddress: 16 });
    expect(() => loadConfig({ BEZGELOR_LOGIN_TIMEOUT: "soon", BEZGELOR_MAX_CONNECTIONS_PER_ADDRESS: "0" })).toThrow(
      /server\.loginTimeoutSeconds[\s\S]*server\.maxConnectionsPerAddress/,
    );
  });

  it("reads the database pool size and lock wait, and refuses bad ones", () => {
    expect(loadConfig({ BEZGELOR_DB_POOL_SIZE: "24" }).db.poolSize).toBe(24);
    expect(loadConfig({}).db.poolSize).toBeGreaterThanOrEqual(10);
    expect(() => loadConfig({ BEZGELOR_DB_POOL_SIZE: "0" })).toThrow(/db\.poolSize/);
    expect(() => loadConfig({ BEZGELOR_DB_POOL_SIZE: "lots" })).toThrow(/db\.poolSize/);
    expect(loadConfig({ BEZGELOR_DB_LOCK_WAIT: "5" }).db.lockWaitSeconds).toBe(5);
    expect(loadConfig({}).db.lockWaitSeconds).toBe(30);
    expect(() => loadConfig({ BEZGELOR_DB_LOCK_WAIT: "-1" })).toThrow(/db\.lockWaitSeconds/);
    expect(() => loadConfig({ BEZGELOR_DB_LOCK_WAIT: "a while" })).toThrow(/db\.lockWaitSeconds/);
  });

  it("names the environment variable the operator set, and its setting, in plain words", () => {
    expect(refusal({ BEZGELOR_PORT: "70000" })).toBe("invalid configuration: BEZGELOR_PORT (server.port): must be at most 65535, got 70000");
    expect(refusal({ BEZGELOR_MAX_SPEED: "1e309" })).toBe("invalid configuration: BEZGELOR_MAX_SPEED (world.maxSpeed): must be a finite number, got 1e309");
    expect(refusal({ BEZGELOR_MAX_SPEED: "fast" })).toBe(
      "invalid configuration: BEZGELOR_MAX_SPEED (world.maxSpeed): must be a number written in digits, got fast",
    );
    expect(refusal({ BEZGELOR_DB_POOL_SIZE: "0" })).toBe("invalid configuration: BEZGELOR_DB_POOL_SIZE (db.poolSize): must be at least 1, got 0");
    expect(refusal({ BEZGELOR_WORLD_TICK: "2.5" })).toBe(
      "invalid configuration: BEZGELOR_WORLD_TICK (world.tickMilliseconds): must be a whole number, got 2.5",
    );
    expect(refusal({ BEZGELOR_REPUTATION_SCALE: "mmo" })).toBe(
      "invalid configuration: BEZGELOR_REPUTATION_SCALE (reputationScale): must be one of classic, wildstar, got mmo",
    );
    // A connection string may hold a password: the variable is named, its value never echoed.
    expect(refusal({ DATABASE_URL: "mysql://root:hunter2@db/x" })).toBe(
      "invalid configuration: DATABASE_URL (db.url): must be a postgres:// or postgresql:// URL",
    );
    // A value from the config file has no variable to name: the setting alone.
    const dir = mkdtempSync(join(tmpdir(), "bezgelor-config-"));
    writeFileSync(join(dir, "port.json"), JSON.stringify({ server: { port: 70000 } }));
    expect(refusal({ BEZGELOR_CONFIG: join(dir, "port.json") })).toBe("invalid configuration: server.port: must be at most 65535");
  });

  it("takes numbers only as numbers: a variable not in digits, or a file's string, list, boolean or null, is refused, never coerced", () => {
    for (const port of [" ", "0x5dc8", "1e3"]) {
      expect(refusal({ BEZGELOR_PORT: port })).toBe(`invalid configuration: BEZGELOR_PORT (server.port): must be a number written in digits, got ${port}`);
    }
    expect(refusal({ BEZGELOR_DB_POOL_SIZE: "0x10" })).toMatch(/BEZGELOR_DB_POOL_SIZE \(db\.poolSize\): must be a number written in digits/);
    const dir = mkdtempSync(join(tmpdir(), "bezgelor-config-"));
    const file = join(dir, "types.json");
    writeFileSync(
      file,
      JSON.stringify({ server: { port: [], rateLimitPerSecond: true, idleTimeoutSeconds: "5" }, friends: { maxFriends: null }, db: { poolSize: "8" } }),
    );
    const lines = refusal({ BEZGELOR_CONFIG: file }).split("\n").slice(1).sort();
    expect(lines).toEqual(
      ["db.poolSize", "friends.maxFriends", "server.idleTimeoutSeconds", "server.port", "server.rateLimitPerSecond"].map(
        (setting) => `  ${setting}: must be a number`,
      ),
    );
    // Digits from a variable are numbers, as before.
    expect(loadConfig({ BEZGELOR_PORT: "24001", BEZGELOR_DB_POOL_SIZE: "12" })).toMatchObject({ server: { port: 24001 }, db: { poolSize: 12 } });
  });

  it("refuses a config file setting it does not know, by name, in every section", () => {
    const dir = mkdtempSync(join(tmpdir(), "bezgelor-config-"));
    writeFileSync(join(dir, "typos.json"), JSON.stringify({ server: { prot: 24557 }, db: { poolsize: 4 }, bogus: 1 }));
    expect(refusal({ BEZGELOR_CONFIG: join(dir, "typos.json") })).toBe(
      "invalid configuration:\n  server.prot: not a setting (misspelled?)\n  db.poolsize: not a setting (misspelled?)\n  bogus: not a setting (misspelled?)",
    );
  });

  it("refuses a __proto__ key at the top of the file as in a section (it was dropped unseen)", () => {
    const dir = mkdtempSync(join(tmpdir(), "bezgelor-config-"));
    for (const [name, text] of [
      ["top", '{"__proto__":{"port":1}}'],
      ["nested", '{"server":{"__proto__":{"port":1}}}'],
    ] as const) {
      writeFileSync(join(dir, `${name}.json`), text);
      expect(refusal({ BEZGELOR_CONFIG: join(dir, `${name}.json`) })).toMatch(/__proto__: not a setting \(misspelled\?\)/);
    }
    writeFileSync(join(dir, "null.json"), '{"server":null}');
    expect(refusal({ BEZGELOR_CONFIG: join(dir, "null.json") })).toBe("invalid configuration: server: must be an object ({ ... })");
  });

  it("names the BEZGELOR_ variables that are no setting (a misspelling), and no other variable", () => {
    expect(unknownEnvVars({ BEZGELOR_PROT: "1", BEZGELOR_IDLE_TIMOUT: "5", BEZGELOR_PORT: "24001", PATH: "/bin", DATABASE_URL: "x" })).toEqual([
      "BEZGELOR_IDLE_TIMOUT",
      "BEZGELOR_PROT",
    ]);
  });

  it("says why a config file cannot be read, and one problem per setting", () => {
    const dir = mkdtempSync(join(tmpdir(), "bezgelor-config-"));
    expect(refusal({ BEZGELOR_CONFIG: join(dir, "none.json") })).toBe(`cannot read config file ${join(dir, "none.json")} (BEZGELOR_CONFIG): ENOENT`);
    expect(refusal({ BEZGELOR_CONFIG: dir })).toBe(`cannot read config file ${dir} (BEZGELOR_CONFIG): EISDIR`);
    // Past both of its limits (a safe integer, 65535): said once.
    expect(refusal({ BEZGELOR_PORT: "99999999999999999999999" }).split("\n")).toHaveLength(1);
  });

  it("maps every variable but BEZGELOR_CONFIG to one setting", () => {
    const mapped = ENV_SETTINGS.map((e) => e.env);
    expect([...mapped].sort()).toEqual(
      Object.keys(ENV_VARS)
        .filter((name) => name !== "BEZGELOR_CONFIG")
        .sort(),
    );
    for (const { env, setting } of ENV_SETTINGS) expect(ENV_VARS[env].startsWith(setting), env).toBe(true);
  });

  it("refuses a config file that is not JSON", () => {
    const dir = mkdtempSync(join(tmpdir(), "bezgelor-config-"));
    writeFileSync(join(dir, "bad.json"), "{bad");
    // The parser's own message, whatever this node's wording of it.
    const message = ((): string => {
      try {
        JSON.parse("{bad");
        return "";
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(() => loadConfig({ BEZGELOR_CONFIG: join(dir, "bad.json") })).toThrow(`config file ${join(dir, "bad.json")} is not valid JSON: ${message}`);
  });

  it("refuses a config file whose JSON is not an object", () => {
    const dir = mkdtempSync(join(tmpdir(), "bezgelor-config-"));
    writeFileSync(join(dir, "list.json"), "[1, 2]");
    expect(() => loadConfig({ BEZGELOR_CONFIG: join(dir, "list.json") })).toThrow(/list\.json is not a JSON object/);
  });
});
