import { cp, mkdtemp, readFile, rm, unlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DATA_ERROR_CODE, DataError, defaultGameDataDir, loadGameData } from "./index";
import { GAME_DATA_TABLES, GAME_DATA_TABLE_NAMES } from "./files";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A private copy of the shipped dataset with one file rewritten by `edit`. */
async function datasetWith(file: string, edit: (json: Record<string, any>) => void): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "bezgelor-data-"));
  dirs.push(dir);
  await cp(defaultGameDataDir(), dir, { recursive: true });
  const json = JSON.parse(await readFile(join(dir, file), "utf8")) as Record<string, any>;
  edit(json);
  await writeFile(join(dir, file), JSON.stringify(json));
  return dir;
}

async function loadError(dir: string): Promise<DataError> {
  const error: unknown = await loadGameData({ dir }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

const byId = (list: any[], id: number) => list.find((entry) => entry.id === id);

describe("loadGameData with a bad file", () => {
  it("loads an operator's directory that is fine", async () => {
    const dir = await datasetWith("factions.json", (json) => json.factions.push({ id: 200, name: "Freebots" }));
    expect((await loadGameData({ dir })).factions.require(200).name).toBe("Freebots");
  });

  it("names file, id and path for a field of the wrong type", async () => {
    const dir = await datasetWith("creatures.json", (json) => {
      byId(json.creatures, 12345).rewards.reputation[1].amount = "ten";
    });
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    expect(error.details).toEqual({ file: "creatures.json", id: 12345, path: "rewards.reputation[1].amount" });
    expect(error.message).toMatch(/^creatures\.json: id 12345: rewards\.reputation\[1\]\.amount: .*expected number/);
  });

  it("names file, id and path for a missing field", async () => {
    const dir = await datasetWith("titles.json", (json) => {
      delete byId(json.titles, 2001).unlock.achievementId;
    });
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    expect(error.details).toEqual({ file: "titles.json", id: 2001, path: "unlock.achievementId" });
    expect(error.message).toContain("titles.json: id 2001: unlock.achievementId:");
  });

  it("names the entry by position when its id is unusable", async () => {
    let position = -1;
    const dir = await datasetWith("items.json", (json) => {
      position = json.items.push({ name: "No id", kind: "misc" }) - 1;
    });
    const error = await loadError(dir);
    expect(position).toBeGreaterThan(0);
    expect(error.details).toMatchObject({ file: "items.json", id: `#${position}`, path: "id" });
  });

  it("rejects an unknown field so typos do not pass silently", async () => {
    const dir = await datasetWith("vendors.json", (json) => {
      byId(json.vendors, 8001).requiredReputation.factionID = 166;
    });
    const error = await loadError(dir);
    expect(error.details).toEqual({ file: "vendors.json", id: 8001, path: "requiredReputation" });
    expect(error.message).toContain("factionID");
  });

  it("rejects a title id that does not fit 14 bits", async () => {
    const dir = await datasetWith("titles.json", (json) => {
      byId(json.titles, 9001).id = 16384;
    });
    expect((await loadError(dir)).details).toEqual({ file: "titles.json", id: 16384, path: "id" });
  });

  it("catches a title pointing at an unknown faction", async () => {
    const dir = await datasetWith("titles.json", (json) => {
      byId(json.titles, 1001).unlock.factionId = 999;
    });
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.UNKNOWN_REFERENCE);
    expect(error.message).toBe("titles.json: id 1001: unlock.factionId: unknown faction 999");
  });

  it("catches a creature reward for an unknown faction", async () => {
    const dir = await datasetWith("creatures.json", (json) => {
      byId(json.creatures, 12345).rewards.reputation[0].factionId = 999;
    });
    expect((await loadError(dir)).message).toBe("creatures.json: id 12345: rewards.reputation[0].factionId: unknown faction 999");
  });

  it("catches a vendor selling an unknown item", async () => {
    const dir = await datasetWith("vendors.json", (json) => {
      byId(json.vendors, 8001).items[2].itemId = 99999;
    });
    expect((await loadError(dir)).message).toBe("vendors.json: id 8001: items[2].itemId: unknown item 99999");
  });

  it("catches a vendor gated on an unknown faction", async () => {
    const dir = await datasetWith("vendors.json", (json) => {
      byId(json.vendors, 8001).requiredReputation.factionId = 999;
    });
    expect((await loadError(dir)).message).toBe("vendors.json: id 8001: requiredReputation.factionId: unknown faction 999");
  });

  it("catches a requirement level that some scale does not define", async () => {
    const dir = await datasetWith("vendors.json", (json) => {
      byId(json.vendors, 8001).requiredReputation.level = "accepted";
    });
    expect((await loadError(dir)).message).toBe('vendors.json: id 8001: requiredReputation.level: level "accepted" is not defined in scale "classic"');
  });

  it("catches a quest rewarding an unknown title", async () => {
    const dir = await datasetWith("quests.json", (json) => {
      byId(json.quests, 5001).rewards.titleId = 4242;
    });
    expect((await loadError(dir)).message).toBe("quests.json: id 5001: rewards.titleId: unknown title 4242");
  });

  it("catches a store offer for an unknown mount, naming the shared file", async () => {
    const dir = await datasetWith("store-catalog.json", (json) => {
      byId(json.offers, 101).grants[0].mountId = 4242;
    });
    expect((await loadError(dir)).message).toBe("store-catalog.json: id 101: grants[0].mountId: unknown mount 4242");
  });

  it("catches a duplicate id", async () => {
    const dir = await datasetWith("factions.json", (json) => json.factions.push({ id: 166, name: "Again" }));
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.DUPLICATE_ID);
    expect(error.details).toEqual({ file: "factions.json", id: 166, path: "id" });
  });

  it("names a file that is not JSON", async () => {
    const dir = await datasetWith("pets.json", () => undefined);
    await writeFile(join(dir, "pets.json"), "{ not json");
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_JSON);
    expect(error.message).toMatch(/^pets\.json: not valid JSON/);
  });

  it("names a file without its array", async () => {
    const dir = await datasetWith("mounts.json", (json) => {
      json.mount = json.mounts;
      delete json.mounts;
    });
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_FILE);
    expect(error.details).toEqual({ file: "mounts.json", path: "mounts" });
  });

  it("names the first missing file in the tables' order, every time, however the reads finish", async () => {
    const first = GAME_DATA_TABLES[GAME_DATA_TABLE_NAMES[0]!].file;
    const nowhere = join(tmpdir(), `bezgelor-no-data-${process.pid}`);
    for (let attempt = 0; attempt < 10; attempt++) {
      const error = await loadError(nowhere);
      expect(error.details).toEqual({ file: first });
    }
  });

  it("names a missing file", async () => {
    const dir = await datasetWith("paths.json", () => undefined);
    await unlink(join(dir, "paths.json"));
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.FILE_UNREADABLE);
    expect(error.details).toEqual({ file: "paths.json" });
  });
});

describe("loadGameData refuses values the wire cannot carry", () => {
  it("refuses a vendor price past 2^63 - 1, naming file, id and path", async () => {
    const dir = await datasetWith("vendors.json", (json) => {
      byId(json.vendors, 8001).items[1].price = "18446744073709551616";
    });
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    expect(error.details).toEqual({ file: "vendors.json", id: 8001, path: "items[1].price" });
    expect(error.message).toContain("9223372036854775807");
  });

  it("refuses a store price past 2^24, which the client's 32-bit price could not show exactly", async () => {
    const dir = await datasetWith("store-catalog.json", (json) => {
      byId(json.offers, 101).prices = { premium: 16_777_217 };
    });
    const error = await loadError(dir);
    expect(error.details).toMatchObject({ file: "store-catalog.json", id: 101, path: "prices.premium" });
    expect(error.message).toContain("16777216");
  });

  it("refuses a store price of 0, which would give the offer away with no window and no limit", async () => {
    const dir = await datasetWith("store-catalog.json", (json) => {
      byId(json.offers, 101).prices = { premium: 500, gold: 0 };
    });
    const error = await loadError(dir);
    expect(error.details).toMatchObject({ file: "store-catalog.json", id: 101, path: "prices.gold" });
    expect(error.message).toContain("never sold for 0");
  });

  it("accepts a price of exactly 2^63 - 1", async () => {
    const dir = await datasetWith("vendors.json", (json) => {
      byId(json.vendors, 8001).items[1].price = "9223372036854775807";
    });
    expect((await loadGameData({ dir })).vendors.require(8001).items[1]!.price).toBe(2n ** 63n - 1n);
  });

  it("refuses an item id wider than the 32-bit field it is sent in", async () => {
    const dir = await datasetWith("items.json", (json) => {
      json.items.push({ id: 2 ** 32, name: "Too wide", kind: "misc" });
    });
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    expect(error.details).toMatchObject({ file: "items.json", path: "id" });
    expect(error.message).toContain("32-bit field");
  });

  it("refuses a quest id wider than the 15-bit field it is sent in", async () => {
    const dir = await datasetWith("quests.json", (json) => {
      json.quests[0].id = 32768;
    });
    const error = await loadError(dir);
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    expect(error.details).toMatchObject({ file: "quests.json", path: "id" });
    expect(error.message).toContain("15-bit field");
  });
});
