// The catalog in the database: import at first start and by the CLI, idempotent, operator edits
// kept, bad files refused whole; collections read and unlocked.
import { parseStoreCatalog, storeCatalogOf, DataError } from "@bezgelor/data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  getAccountCollection,
  getCharacterCollection,
  getMergedCollection,
  getOffer,
  importStoreCatalog,
  listOffers,
  ownsCollectible,
  setOfferAvailability,
  unlockCollectible,
  type ActionOptions,
  type Database,
} from "../src/index.js";
import { createTestDatabase, makeCharacter, testActionOptions } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";

let db: Database;
let opts: ActionOptions;
beforeAll(async () => {
  db = await createTestDatabase();
  opts = await testActionOptions({ now: new Date("2026-11-30T12:00:00Z") });
});
afterAll(() => db.close());

describe("importing the catalog", () => {
  it("creates everything once, updates what it created, keeps what operators own, and only on first start with onlyIfEmpty", async () => {
    const catalog = storeCatalogOf(opts.rules.data);
    const first = await importStoreCatalog(db.client, { catalog, onlyIfEmpty: true });
    expect(first.offers.created).toEqual(catalog.offers.map((o) => o.id));
    expect(first.categories.created).toHaveLength(catalog.categories.length);
    expect(await getOffer(db.client, { offerId: 101 })).toMatchObject({
      name: "Woolie",
      prices: { premium: 500n, gold: 250000n },
      giftable: true,
      featured: true,
      origin: "import",
    });
    expect((await importStoreCatalog(db.client, { catalog, onlyIfEmpty: true })).skippedNotEmpty).toBe(true);

    // The same file again changes nothing: every row unchanged, every version as it was.
    const same = await importStoreCatalog(db.client, { catalog });
    expect(same.offers.unchanged).toEqual(catalog.offers.map((o) => o.id));
    expect(same.offers.updated).toEqual([]);
    expect(same.categories.unchanged).toHaveLength(catalog.categories.length);
    expect((await getOffer(db.client, { offerId: 101 }))?.version).toBe(1);

    await setOfferAvailability(db.client, { ...opts, offerId: 102, available: false, expectedVersion: 1 });
    const edited = { ...catalog, offers: catalog.offers.map((o) => ({ ...o, name: `${o.name} II` })) };
    const again = await importStoreCatalog(db.client, { catalog: edited });
    expect(again.offers.keptOperator).toEqual([102]);
    expect(again.offers.updated).toEqual(catalog.offers.map((o) => o.id).filter((id) => id !== 102));
    // An offer the file changed has a new version: an edit named with the one read before is stale.
    expect((await getOffer(db.client, { offerId: 101 }))?.version).toBe(2);
    await expectDbError(setOfferAvailability(db.client, { ...opts, offerId: 101, available: false, expectedVersion: 1 }), "STORE_VERSION_CONFLICT");
    expect(await getOffer(db.client, { offerId: 102 })).toMatchObject({ name: "Standard Hoverboard", available: false, origin: "operator" });
    expect((await getOffer(db.client, { offerId: 101 }))?.name).toBe("Woolie II");
    expect(await listOffers(db.client)).toHaveLength(catalog.offers.length);
  });

  it("refuses a bad file naming the file, the offer id and the field, before anything is imported", () => {
    const raw = {
      categories: [{ id: 1, name: "Mounts" }],
      offers: [{ id: 7001, categoryId: 1, name: "Bad", kind: "mount", grants: [{ kind: "mount", mountId: 424242 }], prices: { premium: 5 } }],
    };
    let error: unknown;
    try {
      parseStoreCatalog(raw, opts.rules.data, "my-store.json");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).details).toEqual({ file: "my-store.json", id: 7001, path: "grants[0].mountId" });
    expect(() => parseStoreCatalog({ ...raw, offers: [{ ...raw.offers[0], prices: { premium: -1 } }] }, opts.rules.data, "my-store.json")).toThrow(
      /my-store.json: id 7001: prices.premium/,
    );
    expect(() => parseStoreCatalog({ categories: [] }, opts.rules.data, "x.json")).toThrow(/x.json: offers/);
  });
});

describe("importing text players are shown", () => {
  it("refuses an offer or category name or description holding a control or bidirectional-override character, naming it, and imports nothing", async () => {
    const catalog = storeCatalogOf(opts.rules.data);
    const fresh = { id: 7101, categoryId: catalog.offers[0]!.categoryId, name: "Fine", description: "", kind: "mount" as const };
    const valid = { ...catalog.offers[0]!, ...fresh };
    const cases: Array<[Partial<typeof valid>, object]> = [
      [{ name: "Woolie \u202egnp.exe" }, { entry: "offer", id: 7101, field: "name", character: "U+202E" }],
      [{ name: "\u2067Woolie" }, { entry: "offer", id: 7101, field: "name", character: "U+2067" }],
      [{ description: "ring \u0007" }, { entry: "offer", id: 7101, field: "description", character: "U+0007" }],
    ];
    for (const [change, details] of cases) {
      const error = await expectDbError(importStoreCatalog(db.client, { catalog: { ...catalog, offers: [{ ...valid, ...change }] } }), "STORE_CATALOG_INVALID");
      expect(error.details).toEqual(details);
      expect(error.message).toContain(`Store offer 7101: ${(details as { field: string }).field} must not hold`);
    }
    const category = { ...catalog.categories[0]!, name: "Mounts\u202d" };
    await expectDbError(importStoreCatalog(db.client, { catalog: { categories: [category], offers: [] } }), "STORE_CATALOG_INVALID");
    expect(await getOffer(db.client, { offerId: 7101 })).toBeNull();
    // A description of several lines is shown text.
    const report = await importStoreCatalog(db.client, {
      catalog: { categories: catalog.categories, offers: [{ ...valid, description: "Fluffy.\nDependable." }] },
    });
    expect(report.offers.created).toEqual([7101]);
  });
});

describe("collections", () => {
  it("unlock idempotently, account-wide or per character, and merge", async () => {
    const c = await makeCharacter(db.client);
    const first = await unlockCollectible(db.client, {
      ...opts,
      scope: "account",
      accountId: c.accountId,
      collectibleType: "mount",
      collectibleId: 1001,
      source: "achievement",
    });
    expect(first.result.unlocked).toBe(true);
    expect(first.events).toEqual([
      expect.objectContaining({ kind: "collection.unlocked", scope: "account", collectibleType: "mount", collectibleId: 1001, source: "achievement" }),
    ]);
    const again = await unlockCollectible(db.client, {
      ...opts,
      scope: "account",
      accountId: c.accountId,
      collectibleType: "mount",
      collectibleId: 1001,
      source: "gm",
    });
    expect(again).toMatchObject({ result: { unlocked: false }, events: [] });
    await unlockCollectible(db.client, {
      ...opts,
      scope: "character",
      accountId: c.accountId,
      characterId: c.id,
      collectibleType: "pet",
      collectibleId: 2001,
      source: "quest",
    });
    await unlockCollectible(db.client, {
      ...opts,
      scope: "character",
      accountId: c.accountId,
      characterId: c.id,
      collectibleType: "mount",
      collectibleId: 1001,
      source: "drop",
    });
    expect((await getAccountCollection(db.client, { accountId: c.accountId })).map((e) => e.collectibleId)).toEqual([1001]);
    expect((await getCharacterCollection(db.client, { characterId: c.id, collectibleType: "pet" })).map((e) => e.collectibleId)).toEqual([2001]);
    expect(
      (await getMergedCollection(db.client, { accountId: c.accountId, characterId: c.id })).map((e) => [e.collectibleType, e.collectibleId, e.scope]),
    ).toEqual([
      ["mount", 1001, "account"],
      ["pet", 2001, "character"],
    ]);
    expect(await ownsCollectible(db.client, { accountId: c.accountId, collectibleType: "pet", collectibleId: 2001 })).toBe(false);
    expect(await ownsCollectible(db.client, { accountId: c.accountId, characterId: c.id, collectibleType: "pet", collectibleId: 2001 })).toBe(true);
  });

  it("refuses unknown collectibles and characters of another account", async () => {
    const [c, other] = [await makeCharacter(db.client), await makeCharacter(db.client)];
    await expectDbError(
      unlockCollectible(db.client, { ...opts, scope: "account", accountId: c.accountId, collectibleType: "mount", collectibleId: 999999, source: "gm" }),
      "UNKNOWN_GAME_DATA",
    );
    await expectDbError(
      unlockCollectible(db.client, {
        ...opts,
        scope: "character",
        accountId: c.accountId,
        characterId: other.id,
        collectibleType: "pet",
        collectibleId: 2001,
        source: "gm",
      }),
      "CHARACTER_NOT_FOUND",
    );
  });
});
