// Every database has an identity of its own (files kept outside it, like the store's offline
// journal, record it): made by its migration, stable while it lives, one row only.
import { afterAll, describe, expect, it } from "vitest";
import { getDatabaseIdentity, type Database } from "../src/index.js";
import { createTestDatabase } from "../src/testing/index.js";

const opened: Database[] = [];
afterAll(() => Promise.all(opened.map((d) => d.close())));

async function database(): Promise<Database> {
  const d = await createTestDatabase();
  opened.push(d);
  return d;
}

describe("getDatabaseIdentity", () => {
  it("is a UUID, the same on every read of one database and different for another", async () => {
    const [a, b] = [await database(), await database()];
    const id = await getDatabaseIdentity(a.client);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(await getDatabaseIdentity(a.client)).toBe(id);
    expect(await getDatabaseIdentity(b.client)).not.toBe(id);
  });

  it("keeps one row: a second one is refused by the table", async () => {
    const { client } = await database();
    await expect(client.$executeRawUnsafe(`INSERT INTO "database_identity" ("singleton") VALUES (false)`)).rejects.toThrow();
    await expect(client.$executeRawUnsafe(`INSERT INTO "database_identity" ("singleton") VALUES (true)`)).rejects.toThrow();
  });
});
