// The character list advertises MAX_CHARACTERS_PER_ACCOUNT; createCharacter enforces it, also
// against racing creates (those run on PostgreSQL only: PGlite serialises every query).
import { MAX_CHARACTERS_PER_ACCOUNT } from "@bezgelor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCharacter, DB_ERROR_CODES, isDbError, listCharacters, type Database } from "../src/index.js";
import { createTestDatabase, loadTestRules, makeAccount, uniqueCharacterName } from "../src/testing/index.js";
import { expectDbError } from "./expect-db-error.js";
import { onPostgres } from "./race-suite.js";

let db: Database;
/** A human warrior of the Exiles: character-creation choice 1. */
let base: { rules: Awaited<ReturnType<typeof loadTestRules>>; race: number; class: number; sex: number; faction: number };
beforeAll(async () => {
  db = await createTestDatabase();
  base = { rules: await loadTestRules(), race: 1, class: 1, sex: 0, faction: 167 };
});
afterAll(() => db.close());

describe("the per-account character limit", () => {
  it(`creates ${MAX_CHARACTERS_PER_ACCOUNT} characters, then refuses with CHARACTER_LIMIT_REACHED and creates nothing`, async () => {
    const account = await makeAccount(db.client);
    for (let i = 0; i < MAX_CHARACTERS_PER_ACCOUNT; i += 1) {
      await createCharacter(db.client, { accountId: account.id, name: uniqueCharacterName(), ...base });
    }
    const refused = await expectDbError(
      createCharacter(db.client, { accountId: account.id, name: uniqueCharacterName(), ...base }),
      DB_ERROR_CODES.CHARACTER_LIMIT_REACHED,
    );
    expect(refused.details).toMatchObject({ held: MAX_CHARACTERS_PER_ACCOUNT, limit: MAX_CHARACTERS_PER_ACCOUNT });
    expect(await listCharacters(db.client, { accountId: account.id })).toHaveLength(MAX_CHARACTERS_PER_ACCOUNT);
    // Another account is not affected.
    const other = await makeAccount(db.client);
    await expect(createCharacter(db.client, { accountId: other.id, name: uniqueCharacterName(), ...base })).resolves.toBeTruthy();
  });

  it.skipIf(!onPostgres)("racing creates on one account never pass the limit (PostgreSQL)", async () => {
    const account = await makeAccount(db.client);
    const attempts = MAX_CHARACTERS_PER_ACCOUNT + 8;
    const results = await Promise.allSettled(
      Array.from({ length: attempts }, () => createCharacter(db.client, { accountId: account.id, name: uniqueCharacterName(), ...base })),
    );
    const created = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(created).toHaveLength(MAX_CHARACTERS_PER_ACCOUNT);
    expect(
      refused.every((e) => isDbError(e, DB_ERROR_CODES.CHARACTER_LIMIT_REACHED)),
      String(refused[0]),
    ).toBe(true);
    expect(await listCharacters(db.client, { accountId: account.id })).toHaveLength(MAX_CHARACTERS_PER_ACCOUNT);
  });
});
