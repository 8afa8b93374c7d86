// The database's CHECK constraints keep their own lists (SQL cannot import TypeScript); these
// tests hold them to the constants the code imports from @bezgelor/data, so neither drifts.
import { FLAIR_SLOT_COUNT, MAX_DYE_ID } from "@bezgelor/core";
import {
  MAX_DYE_CHANNELS,
  MAX_PATH_LEVEL,
  MAX_PET_LEVEL,
  MAX_WIRE_ID_14,
  PATH_KEY,
  PURCHASE_LIMIT_PERIOD,
  STORE_CURRENCY,
  TITLE_UNLOCK_TYPE,
} from "@bezgelor/data";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LEDGER_SOURCES } from "../src/currency/ledger-source.js";
import { STORE_TRANSACTION_STATUS, type Database } from "../src/index.js";
import { createTestDatabase } from "../src/testing/index.js";
import { TITLE_SOURCES } from "../src/titles/title-record.js";
import { COLLECTIBLE_TYPES, PET_KINDS } from "../src/index.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

async function checkDefinition(name: string): Promise<string> {
  const rows = await db.client.$queryRaw<Array<{ def: string }>>`SELECT pg_get_constraintdef(oid) AS "def" FROM pg_constraint WHERE conname = ${name}`;
  const def = rows[0]?.def;
  if (def === undefined) throw new Error(`no constraint ${name}`);
  return def;
}
const quoted = (def: string) => [...def.matchAll(/'([^']*)'/g)].map((m) => m[1]);
const numbers = (def: string) => [...def.matchAll(/\b(\d+)\b/g)].map((m) => Number(m[1]));

describe("CHECK constraints match the constants of @bezgelor/data", () => {
  it("character_path_levels.path lists PATH_KEY; level is 0..MAX_PATH_LEVEL", async () => {
    expect(quoted(await checkDefinition("character_path_levels_path_check"))).toEqual([...PATH_KEY]);
    expect(numbers(await checkDefinition("character_path_levels_level_check"))).toEqual([0, MAX_PATH_LEVEL]);
  });

  it("account_titles.source lists the title unlock types, and promo codes", async () => {
    expect(quoted(await checkDefinition("account_titles_source_check"))).toEqual([...TITLE_SOURCES]);
    expect(TITLE_SOURCES).toEqual([...Object.values(TITLE_UNLOCK_TYPE), "promo"]);
  });

  it.each(["character_reputations_faction_id_check", "account_titles_title_id_check", "accounts_active_title_id_check"])(
    "%s is 1..MAX_WIRE_ID_14 (the 14-bit wire field)",
    async (name) => {
      expect(numbers(await checkDefinition(name))).toEqual([1, MAX_WIRE_ID_14]);
    },
  );

  it.each(["account_collections_type_check", "character_collections_type_check"])("%s lists COLLECTIBLE_TYPES", async (name) => {
    expect(quoted(await checkDefinition(name))).toEqual([...COLLECTIBLE_TYPES]);
  });

  it("character_pets lists PET_KINDS and levels 1..MAX_PET_LEVEL; mount_customizations has FLAIR_SLOT_COUNT slots and MAX_DYE_CHANNELS 16-bit dyes", async () => {
    expect(quoted(await checkDefinition("character_pets_kind_check"))).toEqual([...PET_KINDS]);
    expect(numbers(await checkDefinition("character_pets_level_check"))).toEqual([0, 1, MAX_PET_LEVEL, 0, 1]);
    expect(numbers(await checkDefinition("mount_customizations_flair_check"))).toEqual([FLAIR_SLOT_COUNT, 0]);
    expect(numbers(await checkDefinition("mount_customizations_dyes_check"))).toEqual([MAX_DYE_CHANNELS, 0, MAX_DYE_ID]);
  });

  it("the store economy's CHECKs list the limit periods, transaction statuses, currencies and ledger sources", async () => {
    expect(quoted(await checkDefinition("store_offers_limit_check"))).toEqual([...PURCHASE_LIMIT_PERIOD]);
    expect(quoted(await checkDefinition("store_transactions_status_check"))).toEqual([...STORE_TRANSACTION_STATUS]);
    expect(quoted(await checkDefinition("store_transactions_currency_check"))).toEqual([...STORE_CURRENCY]);
    expect(quoted(await checkDefinition("currency_ledger_source_check"))).toEqual([...LEDGER_SOURCES]);
  });
});
