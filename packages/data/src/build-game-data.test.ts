import { describe, expect, it } from "vitest";
import { DATA_ERROR_CODE, DataError, buildGameData } from "./index";
import { tinyInput } from "./test-support";

function buildError(run: () => unknown): DataError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    return error as DataError;
  }
  throw new Error("expected a DataError");
}

describe("buildGameData", () => {
  it("builds empty tables from nothing", () => {
    const data = buildGameData({});
    expect(data.titles.size).toBe(0);
    expect(data.reputationScales.all()).toEqual([]);
  });

  it("builds tiny tables with defaults filled in and money as bigint", () => {
    const data = buildGameData(tinyInput());
    expect(data.quests.require(30).rewards).toEqual({ gold: 5n, xp: 0, reputation: [{ factionId: 1, amount: 5 }] });
    expect(data.vendors.require(50).items).toEqual([{ itemId: 10, price: 1000n }]);
    expect(data.factions.require(1).description).toBe("");
  });

  it("accepts money beyond 2^53 as a decimal string", () => {
    const input = tinyInput();
    const data = buildGameData({ ...input, vendors: [{ id: 51, name: "Rich", items: [{ itemId: 10, price: "9007199254740993" }] }] });
    expect(data.vendors.require(51).items[0]?.price).toBe(9007199254740993n);
  });

  it("freezes what it returns", () => {
    const data = buildGameData(tinyInput());
    const quest = data.quests.require(30);
    expect(Object.isFrozen(quest)).toBe(true);
    expect(Object.isFrozen(quest.rewards.reputation)).toBe(true);
  });

  it("validates entries the same way as the loader, naming the table's file", () => {
    const input = tinyInput();
    const error = buildError(() => buildGameData({ ...input, titles: [{ ...(input.titles[0] as object), rarity: "mythic" }] }));
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    expect(error.details).toEqual({ file: "titles.json", id: 1, path: "rarity" });
  });

  it("names the first bad entry of a long table, and a duplicate id before a later invalid entry", () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: 1000 + i, name: `Item ${i}`, kind: "misc" }));
    const invalid = [...items.slice(0, 400), { id: 2000, name: "", kind: "misc", extra: 1 }, ...items.slice(400)];
    const error = buildError(() => buildGameData({ items: invalid }));
    expect(error.code).toBe(DATA_ERROR_CODE.INVALID_ENTRY);
    expect(error.details).toEqual({ file: "items.json", id: 2000, path: "name" });
    expect(error.message).toMatch(/\(and 1 more\)$/);

    const duplicateFirst = [...items.slice(0, 10), { ...items[3] }, ...items.slice(10, 20), { id: 3000, name: "Bad", kind: "gem" }];
    const duplicate = buildError(() => buildGameData({ items: duplicateFirst }));
    expect(duplicate.code).toBe(DATA_ERROR_CODE.DUPLICATE_ID);
    expect(duplicate.details).toEqual({ file: "items.json", id: 1003, path: "id" });
  });

  it("rejects an event window that ends before it starts", () => {
    const input = tinyInput();
    const unlock = { type: "event", eventId: "fest", startsAt: "2025-02-01T00:00:00Z", endsAt: "2025-01-01T00:00:00Z" };
    const title = { id: 3, name: "Late", category: "event", rarity: "rare", unlock };
    const error = buildError(() => buildGameData({ ...input, titles: [...input.titles, title] }));
    expect(error.details).toEqual({ file: "titles.json", id: 3, path: "unlock.endsAt" });
  });

  const curve = Array.from({ length: 25 }, (_, i) => i * 100);
  const pet = {
    id: 1,
    name: "Odd",
    category: "critter",
    creatureId: 5,
    baseDamage: 1,
    attackInterval: 1,
    attack: { spell4Id: 7, effectId: 8, range: 5 },
    levelCurve: curve,
    unlock: "drop",
  };

  it("rejects a pet level curve that does not increase or does not reach level 25", () => {
    const flat = [...curve.slice(0, 24), 2300];
    expect(buildError(() => buildGameData({ pets: [{ ...pet, levelCurve: flat }] })).details).toEqual({ file: "pets.json", id: 1, path: "levelCurve" });
    expect(buildError(() => buildGameData({ pets: [{ ...pet, levelCurve: curve.slice(0, 24) }] })).details).toEqual({
      file: "pets.json",
      id: 1,
      path: "levelCurve",
    });
    expect(buildGameData({ pets: [pet] }).pets.require(1).levelRewards).toEqual([]);
  });

  it("rejects a pet level rewarded twice or with no gold", () => {
    const twice = {
      ...pet,
      levelRewards: [
        { level: 2, gold: 1 },
        { level: 2, gold: 2 },
      ],
    };
    expect(buildError(() => buildGameData({ pets: [twice] })).details).toEqual({ file: "pets.json", id: 1, path: "levelRewards" });
    const nothing = { ...pet, levelRewards: [{ level: 3, gold: 0 }] };
    expect(buildError(() => buildGameData({ pets: [nothing] })).details).toEqual({ file: "pets.json", id: 1, path: "levelRewards[0].gold" });
  });

  const mount = {
    id: 1,
    name: "M",
    type: "ground",
    spellId: 10,
    abilityItemId: 9,
    creatureId: 11,
    unitVehicleId: 12,
    speed: 1.5,
    flairSlots: ["front"],
    dyeChannels: 1,
    upgrades: [],
    tricks: [],
    unlock: "drop",
  };
  const abilityItem = { id: 9, name: "M", kind: "ability" };

  it("accepts a mount spell naming its mount's spell and ability item, and rejects an unknown mount or mismatched ids", () => {
    const spell = { id: 9, spell4Id: 10, name: "M", kind: "mount", mountId: 1 };
    const input = { mounts: [mount], items: [abilityItem] };
    expect(buildGameData({ ...input, spells: [spell] }).spells.require(9)).toMatchObject({ kind: "mount", mountId: 1 });
    expect(buildError(() => buildGameData({ ...input, spells: [{ ...spell, mountId: 2 }] })).details).toEqual({ file: "spells.json", id: 9, path: "mountId" });
    expect(buildError(() => buildGameData({ ...input, spells: [{ ...spell, spell4Id: 11 }] })).details).toEqual({
      file: "spells.json",
      id: 9,
      path: "spell4Id",
    });
    expect(buildError(() => buildGameData({ ...input, spells: [{ ...spell, id: 8 }] })).details).toEqual({ file: "spells.json", id: 8, path: "id" });
  });

  it("rejects tricks on a ground mount, a missing or non-ability item and a spell summoning two things", () => {
    expect(buildError(() => buildGameData({ mounts: [{ ...mount, tricks: ["flip"] }], items: [abilityItem] })).details).toEqual({
      file: "mounts.json",
      id: 1,
      path: "tricks",
    });
    expect(buildError(() => buildGameData({ mounts: [mount] })).details).toEqual({ file: "mounts.json", id: 1, path: "abilityItemId" });
    expect(buildError(() => buildGameData({ mounts: [mount], items: [{ ...abilityItem, kind: "misc" }] })).details).toEqual({
      file: "mounts.json",
      id: 1,
      path: "abilityItemId",
    });
    const vanityPets = [{ id: 4, name: "P", spellId: 10, creatureId: 3, unlock: "drop" }];
    expect(buildError(() => buildGameData({ mounts: [mount], items: [abilityItem], vanityPets })).details).toEqual({
      file: "vanity-pets.json",
      id: 4,
      path: "spellId",
    });
    expect(buildGameData({ mounts: [{ ...mount, type: "hoverboard", tricks: ["flip"] }], items: [abilityItem] }).mounts.require(1).tricks).toEqual(["flip"]);
  });

  it("rejects two flair pieces with one unlock bit", () => {
    const flair = { id: 1, name: "F", mountType: "ground", position: "front", itemDisplayId: 1, unlockBit: 3 };
    expect(buildError(() => buildGameData({ flair: [flair, { ...flair, id: 2 }] })).details).toEqual({ file: "flair.json", id: 2, path: "unlockBit" });
  });

  it("rejects a flair slot named twice and a spell id too wide for its 18-bit field", () => {
    expect(buildError(() => buildGameData({ mounts: [{ ...mount, flairSlots: ["front", "front"] }], items: [abilityItem] })).details).toEqual({
      file: "mounts.json",
      id: 1,
      path: "flairSlots",
    });
    expect(buildError(() => buildGameData({ mounts: [{ ...mount, spellId: 2 ** 18 }], items: [abilityItem] })).details).toEqual({
      file: "mounts.json",
      id: 1,
      path: "spellId",
    });
  });

  it.each([
    ["achievement", { type: "achievement", achievementId: 99 }, "unlock.achievementId", "unknown achievement 99"],
    ["quest", { type: "quest", questId: 99 }, "unlock.questId", "unknown quest 99"],
    ["path level", { type: "path", path: "explorer", level: 31 }, "unlock.level", "level 31 is above the path's maxLevel 30"],
    ["path", { type: "path", path: "soldier", level: 1 }, "unlock.path", 'unknown path "soldier"'],
    ["store offer", { type: "store", offerId: 99 }, "unlock.offerId", "unknown store offer 99"],
    ["level", { type: "reputation", factionId: 1, level: "exalted" }, "unlock.level", 'level "exalted" is not defined in scale "tiny"'],
  ])("catches a title with an unknown %s", (_what, unlock, path, reason) => {
    const input = tinyInput();
    const title = { id: 7, name: "Bad", category: "special", rarity: "rare", unlock };
    const error = buildError(() => buildGameData({ ...input, titles: [...input.titles, title] }));
    expect(error.code).toBe(DATA_ERROR_CODE.UNKNOWN_REFERENCE);
    expect(error.details).toEqual({ file: "titles.json", id: 7, path });
    expect(error.message).toBe(`titles.json: id 7: ${path}: ${reason}`);
  });

  it("catches a store title whose offer does not grant it, and an offer granting a non-store title", () => {
    const input = tinyInput();
    const storeCategories = [{ id: 1, name: "All" }];
    const offer = { id: 5, categoryId: 1, name: "Pal", kind: "title", grants: [{ kind: "title", titleId: 1 }], prices: { premium: 1 } };
    const notStore = buildError(() => buildGameData({ ...input, storeCategories, storeOffers: [offer] }));
    expect(notStore.message).toBe("store-catalog.json: id 5: grants[0].titleId: title 1 is not a store title");

    const storeTitle = { id: 8, name: "Bought", category: "store", rarity: "rare", unlock: { type: "store", offerId: 6 } };
    const other = { ...offer, id: 6, kind: "mount", grants: [{ kind: "item", itemId: 10 }] };
    const wrongOffer = buildError(() => buildGameData({ ...input, titles: [...input.titles, storeTitle], storeCategories, storeOffers: [other] }));
    expect(wrongOffer.message).toBe("titles.json: id 8: unlock.offerId: store offer 6 does not grant this title");
  });

  it("catches VIP tiers whose spend does not rise, a VIP discount of an unknown category, and quantity on a mount", () => {
    const storeCategories = [{ id: 1, name: "All" }];
    const tier = { id: 1, name: "Bronze", lifetimePremiumSpend: 100 };
    const flat = buildError(() => buildGameData({ storeCategories, vipTiers: [tier, { ...tier, id: 2, name: "Silver" }] }));
    expect(flat.message).toBe("vip-tiers.json: id 2: lifetimePremiumSpend: lifetimePremiumSpend must rise with the tier");
    const unknown = buildError(() => buildGameData({ storeCategories, vipTiers: [{ ...tier, categoryDiscounts: [{ categoryId: 9, percent: 5 }] }] }));
    expect(unknown.message).toBe("vip-tiers.json: id 1: categoryDiscounts[0].categoryId: unknown store category 9");
    const mounts = [{ ...mount, id: 3, unlock: "purchasable" }];
    const offer = { id: 5, categoryId: 1, name: "Woolie", kind: "mount", grants: [{ kind: "mount", mountId: 3 }], prices: { premium: 1 }, maxQuantity: 2 };
    const many = buildError(() => buildGameData({ mounts, items: [abilityItem], storeCategories, storeOffers: [offer] }));
    expect(many.message).toBe("store-catalog.json: id 5: maxQuantity: maxQuantity above 1 needs an offer that grants only items and currency");
  });

  it("catches store categories that form a cycle", () => {
    const storeCategories = [
      { id: 1, name: "A", parentId: 2 },
      { id: 2, name: "B", parentId: 1 },
    ];
    expect(buildError(() => buildGameData({ storeCategories })).message).toBe("store-catalog.json: id 1: parentId: category parents form a cycle through 1");
  });

  it("catches a vendor listing one item twice", () => {
    const input = tinyInput();
    const vendor = {
      id: 52,
      name: "Twice",
      items: [
        { itemId: 10, price: 1 },
        { itemId: 10, price: 2 },
      ],
    };
    expect(buildError(() => buildGameData({ ...input, vendors: [vendor] })).details).toEqual({
      file: "vendors.json",
      id: 52,
      path: "items[1].itemId",
    });
  });
});
