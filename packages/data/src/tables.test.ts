import { beforeAll, describe, expect, it } from "vitest";
import { DATA_ERROR_CODE, DataError, loadGameData, type GameData } from "./index";

let data: GameData;
beforeAll(async () => {
  data = await loadGameData();
});

describe("tables", () => {
  it("get returns undefined for an unknown id; require throws a typed NOT_FOUND", () => {
    expect(data.titles.get(4242)).toBeUndefined();
    expect(data.titles.has(1001)).toBe(true);
    let caught: unknown;
    try {
      data.titles.require(4242);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DataError);
    expect(caught).toMatchObject({ code: DATA_ERROR_CODE.NOT_FOUND, details: { file: "titles.json", id: 4242 } });
    expect((caught as Error).message).toBe("titles.json: id 4242: unknown title 4242");
  });

  it("all() lists entries in file order and size counts them", () => {
    expect(data.factions.all().map((f) => f.id)).toEqual([166, 167]);
    expect(data.factions.size).toBe(2);
    expect(Object.isFrozen(data.factions.all())).toBe(true);
  });

  it("indexes titles by unlock trigger", () => {
    const ids = (titles: readonly { id: number }[]) => titles.map((t) => t.id);
    expect(ids(data.titles.byFaction(166))).toEqual([1001, 1003]);
    expect(ids(data.titles.byFaction(167))).toEqual([1002, 1004]);
    expect(ids(data.titles.byAchievement(500))).toEqual([2001]);
    expect(ids(data.titles.byQuest(7500))).toEqual([3001]);
    expect(ids(data.titles.byPath("explorer"))).toEqual([4001]);
    expect(ids(data.titles.byStoreOffer(301))).toEqual([5001]);
    expect(ids(data.titles.byEvent("shades-eve-2025"))).toEqual([6001]);
    expect(ids(data.titles.byUnlockType("gm"))).toEqual([9001]);
    expect(ids(data.titles.byUnlockType("reputation"))).toEqual([1001, 1002, 1003, 1004]);
    expect(Object.isFrozen(data.titles.byFaction(166))).toBe(true);
    expect(Object.isFrozen(data.titles.byEvent("shades-eve-2025"))).toBe(true);
  });

  it("gives an empty list for an index miss", () => {
    expect(data.titles.byFaction(1)).toEqual([]);
    expect(data.titles.byQuest(5001)).toEqual([]);
    expect(data.titles.byPath("soldier")).toEqual([]);
  });

  it("indexes store offers by category", () => {
    expect(data.storeOffers.inCategory(1).map((o) => o.id)).toEqual([101]);
    expect(data.storeOffers.inCategory(2).map((o) => o.id)).toEqual([102]);
    expect(data.storeOffers.inCategory(999)).toEqual([]);
  });

  it("looks paths up by key and reputation scales by name", () => {
    expect(data.paths.require("explorer").pathId).toBe(3);
    expect(data.reputationScales.get("wildstar")?.levels).toHaveLength(11);
  });
});
