// runTransaction's limits when a context gives none: long enough for a queue of changes on a busy
// server (15 character creates from 15 CLI processes at once failed with Prisma's 2 s / 5 s).
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_TRANSACTION_OPTIONS, runTransaction } from "../src/client.js";
import { createCharacter, type Database } from "../src/index.js";
import { createTestDatabase, makeAccount, testActionOptions, uniqueCharacterName } from "../src/testing/index.js";
import { recordingClient } from "./recording-client.js";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.close());

it("gives Prisma the default limits when none are given, and the caller's when given", async () => {
  const options: unknown[] = [];
  const client = recordingClient(db.client, (method, args) => {
    if (method === "$transaction") options.push(args[1]);
  });
  await runTransaction(client, async (tx) => tx.account.count());
  await runTransaction(client, async (tx) => tx.account.count(), { maxWait: 1_000, timeout: 2_000 });
  expect(options).toEqual([DEFAULT_TRANSACTION_OPTIONS, { maxWait: 1_000, timeout: 2_000 }]);
  expect(DEFAULT_TRANSACTION_OPTIONS.maxWait).toBeGreaterThan(2_000);
  expect(DEFAULT_TRANSACTION_OPTIONS.timeout).toBeGreaterThan(5_000);
});

it("character creation (a context without limits of its own) waits with them", async () => {
  const { rules } = await testActionOptions();
  const { id } = await makeAccount(db.client);
  const options: unknown[] = [];
  const client = recordingClient(db.client, (method, args) => {
    if (method === "$transaction") options.push(args[1]);
  });
  await createCharacter(client, { accountId: id, name: uniqueCharacterName(), race: 1, class: 1, sex: 0, faction: 166, rules });
  expect(options).toEqual([DEFAULT_TRANSACTION_OPTIONS]);
});
