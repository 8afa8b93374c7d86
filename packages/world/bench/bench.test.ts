// The bench's pure parts (CI does not run the bench itself): flags, statistics and the table.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadGameData } from "@bezgelor/data";
import { describe, expect, it } from "vitest";
import { DEFAULTS, FIGURES, parseBenchArgs } from "./args";
import { formatMeasure, formatNumber, formatTable, goalMet, ratioSpread, rowsAsJson, type Row } from "./report";
import { latencyOf, percentile, ratio, runPool, spread } from "./stats";
import { withDatabase } from "./database";
import { syntheticTables, writeSyntheticDataSet } from "./data-set";
import { benchVendor, buyerPlace } from "./players";
import { INTERACTION_RANGE } from "../src/world/world-maps";

describe("parseBenchArgs", () => {
  it("defaults to the full run, every figure, the table", () => {
    expect(parseBenchArgs([])).toEqual({
      ...DEFAULTS.full,
      only: [...FIGURES],
      json: false,
      quick: false,
      profile: undefined,
      pool: undefined,
      echoWork: undefined,
    });
  });

  it("takes --quick defaults, overrides and a leading -- from pnpm", () => {
    const args = parseBenchArgs(["--", "--quick", "--clients", "50", "--seconds", "0.5", "--json", "--pool", "32", "--echo-work", "7.5"]);
    expect(args).toMatchObject({ ...DEFAULTS.quick, clients: 50, seconds: 0.5, json: true, quick: true, pool: 32, echoWork: 7.5 });
  });

  it("keeps --only in measuring order", () => {
    expect(parseBenchArgs(["--only", "zone, data"]).only).toEqual(["data", "zone"]);
    expect(parseBenchArgs(["--only", "zone,store,purchase"]).only).toEqual(["purchase", "store", "zone"]);
  });

  it.each([
    [["--clients", "0"], /--clients must be a positive integer/],
    [["--rounds", "1.5"], /--rounds must be a positive integer/],
    [["--seconds", "x"], /--seconds must be a positive number/],
    [["--pool", "0"], /--pool must be a positive integer/],
    [["--echo-work", "0"], /--echo-work must be a positive number/],
    [["--only", "chat,nope"], /unknown figure "nope"/],
    [["--frobnicate"], /Unknown option/],
  ])("refuses %j", (argv, message) => {
    expect(() => parseBenchArgs(argv)).toThrow(message);
  });
});

describe("statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile(sorted, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
    expect(latencyOf([5, 1, 4, 2, 3])).toEqual({ p50: 3, p99: 5 });
  });

  it("spreads repeated runs, skipping runs that measured nothing", () => {
    expect(spread([3, 1, 2])).toEqual({ min: 1, median: 2, max: 3 });
    expect(spread([4, 1, 3, 2])).toEqual({ min: 1, median: 2, max: 4 });
    expect(spread([2, Number.NaN])).toEqual({ min: 2, median: 2, max: 2 });
    expect(spread([Number.NaN]).median).toBeNaN();
  });

  it("pairs each round's figure with its own limit", () => {
    expect(ratioSpread([10, 30, 20], [20, 30, 80])).toEqual({ min: 0.25, median: 0.5, max: 1 });
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(1, undefined)).toBeNaN();
    expect(ratio(3, 4)).toBe(0.75);
  });

  it("runs tasks with bounded concurrency and keeps every outcome", async () => {
    let inFlight = 0;
    let most = 0;
    const settled = await runPool(10, 3, async (i) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight -= 1;
      if (i === 4) throw new Error("four");
      return i * 2;
    });
    expect(most).toBe(3);
    expect(settled[3]).toEqual({ status: "fulfilled", value: 6 });
    expect(settled[4]?.status).toBe("rejected");
  });
});

const row = (median: number, goal?: Row["goal"], limit = 100): Row => ({
  figure: "chat round trip: throughput",
  value: { unit: "req/s", spread: { min: median - 1, median, max: median + 1 } },
  limit: { name: "net echo", unit: "req/s", spread: { min: limit, median: limit, max: limit } },
  ratio: { min: (median - 1) / limit, median: median / limit, max: (median + 1) / limit },
  ...(goal ? { goal } : {}),
});

describe("the report", () => {
  it("judges goals on the median ratio, or on the value when the goal says so", () => {
    expect(goalMet(row(80, { op: ">=", value: 0.8 }))).toBe(true);
    expect(goalMet(row(79, { op: ">=", value: 0.8 }))).toBe(false);
    expect(goalMet(row(150, { op: "<=", value: 200, on: "value" }))).toBe(true);
    expect(goalMet(row(250, { op: "<=", value: 200, on: "value" }))).toBe(false);
    expect(goalMet(row(80))).toBeUndefined();
  });

  it("prints numbers short", () => {
    expect(formatNumber(29_812)).toBe("29.8k");
    expect(formatNumber(1_120_000)).toBe("1.12M");
    expect(formatNumber(662.4)).toBe("662");
    expect(formatNumber(2.712)).toBe("2.71");
    expect(formatNumber(0.0312)).toBe("0.031");
    expect(formatNumber(Number.NaN)).toBe("n/a");
    expect(formatMeasure({ unit: "ms", spread: { min: 3, median: 3, max: 3 } })).toBe("3.00 ms");
    expect(formatMeasure({ unit: "ms", spread: { min: 1, median: 2, max: 3 } })).toBe("2.00 ms (1.00–3.00)");
    expect(formatMeasure({ unit: "ms", spread: spread([Number.NaN]) })).toBe("n/a");
  });

  it("lays out one aligned table with the goal verdict and the notes", () => {
    const text = formatTable(
      "title",
      [row(80, { op: ">=", value: 0.8 }), { figure: "logins", value: { unit: "logins/s", spread: spread([300]) }, note: "no limit" }],
      ["a note"],
    );
    const lines = text.split("\n");
    expect(lines[0]).toBe("title");
    expect(lines[2]).toMatch(/^figure +value \(min–max\) +limit +ratio +goal +met\?$/);
    expect(lines[4]).toContain("80.0 req/s (79.0–81.0)");
    expect(lines[4]).toContain("net echo: 100 req/s");
    expect(lines[4]).toMatch(/ratio ≥ 0\.8 +yes$/);
    expect(lines[5]).toMatch(/^logins +300 logins\/s +no limit +— +— +—$/);
    expect(lines.at(-1)).toBe("* a note");
    const widths = new Set(lines.slice(2, 4).map((l) => [...l].length));
    expect(widths.size).toBe(1);
  });

  it("gives --json the verdict as data", () => {
    expect(rowsAsJson([row(79, { op: ">=", value: 0.8 })])[0]).toMatchObject({ met: false, ratio: { median: 0.79 } });
  });
});

describe("setup helpers", () => {
  it("stands every buyer within interaction range of the shipped General Goods vendor in the bench's world", async () => {
    const data = await loadGameData();
    const vendor = benchVendor(data);
    expect(vendor).toMatchObject({ vendorId: 8003, creatureId: 12352 });
    const place = buyerPlace(vendor);
    for (let i = 0; i < 64; i++) {
      const at = place(i);
      const distance = Math.hypot(at.x - vendor.position.x, (at.y ?? 0) - vendor.position.y, at.z - vendor.position.z);
      expect(distance).toBeLessThanOrEqual(INTERACTION_RANGE);
    }
    // The Exile Quartermaster beside it wants standing the bench's characters lack.
    expect(() => benchVendor(data, 8002)).toThrow(/needs reputation/);
  });

  it("names the bench database next to the one DATABASE_URL names", () => {
    expect(withDatabase("postgresql://postgres@127.0.0.1:5432/bz?sslmode=disable", "bench_1")).toBe(
      "postgresql://postgres@127.0.0.1:5432/bench_1?sslmode=disable",
    );
  });

  it("builds a synthetic data set whose size follows the scale", () => {
    const small = JSON.stringify(syntheticTables(0.01)).length;
    const large = JSON.stringify(syntheticTables(0.02)).length;
    expect(large / small).toBeGreaterThan(1.8);
    expect(large / small).toBeLessThan(2.2);
  });

  it("writes a synthetic data set the loader accepts (every reference resolves)", async () => {
    const parent = await mkdtemp(join(tmpdir(), "bezgelor-bench-test-"));
    try {
      const set = await writeSyntheticDataSet(0.01, parent);
      const data = await loadGameData({ dir: set.dir });
      // 320 synthetic items and the shipped ability items (the mounts' summons).
      const shipped = await loadGameData();
      expect(data.items.size).toBe(320 + shipped.items.all().filter((item) => item.kind === "ability").length);
      expect(data.mounts.size).toBeGreaterThan(0);
      expect(data.titles.size).toBe(90);
      expect(set.files).toContain("items.json");
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });
});
