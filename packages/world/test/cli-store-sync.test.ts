// `bezgelor store sync --claim` for a journaled purchase whose account was deleted before the
// database came back: the purchase is settled as failed (nothing charged, nothing granted), the
// operator is told that the purchase's account is gone (not a mail failure about a character),
// and a second sync applies nothing again.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getDatabaseIdentity, grantCurrency } from "@bezgelor/db";
import { makeAccount, makeCharacter, testActionOptions } from "@bezgelor/db/testing";
import { OfflineJournal } from "../src/journal/offline-journal";
import { cliHarness } from "./support/cli";

const { cli, database, env, dir } = cliHarness("cli-store-sync");
const journalFile = join(dir, "store-journal.jsonl");
env.BEZGELOR_STORE_JOURNAL = journalFile;

describe("bezgelor store sync for a purchase whose buyer is gone", () => {
  it("settles a purchase whose account is gone as failed, says the account is gone, and applies nothing twice", async () => {
    expect((await cli("store", "import")).code).toBe(0);
    const { client } = await database();
    const account = await makeAccount(client);
    const character = await makeCharacter(client, { accountId: account.id });
    const opts = await testActionOptions({ actor: { kind: "admin", name: "test" } });
    await grantCurrency(client, { ...opts, currency: "premium", accountId: account.id, amount: 1000n, reason: "test funds", source: "admin" });
    // Journaled by an older server (no database named), then the account was deleted.
    const id = `storefront:${account.id}:91`;
    const purchase = { kind: "purchase", id, accountId: account.id, characterId: character.id, offerId: 401, currency: "premium", price: "400" };
    await writeFile(journalFile, `${JSON.stringify({ ...purchase, at: new Date().toISOString() })}\n`);
    await client.account.delete({ where: { id: account.id } });

    const sync = await cli("store", "sync", "--claim");
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stdout).toContain("store sync: 0 committed, 1 failed, 0 waiting");
    expect(sync.stdout).toContain(`failed: ${id} (account ${account.id}, offer 401): ACCOUNT_NOT_FOUND; nothing was charged`);
    expect(sync.stderr).not.toContain("No character");
    expect(sync.stderr).not.toContain("could not mail");
    expect(sync.stderr).toContain(
      `warning: the purchase's account ${account.id} does not exist in this database (deleted, or the claimed journal was written on another database): settled as failed, nothing charged, nobody to mail`,
    );

    // Settled: the journal holds nothing waiting, a second sync does nothing, nothing was written for the account.
    const again = await cli("store", "sync", "--claim");
    expect(again.stdout).toBe("store sync: 0 committed, 0 failed, 0 waiting\n");
    const reopened = await OfflineJournal.open(journalFile);
    expect(reopened.pending()).toEqual([]);
    await reopened.close();
    expect(await client.storeTransaction.count({ where: { accountId: account.id } })).toBe(0);
    expect(await client.mail.count({ where: { recipientCharacterId: character.id } })).toBe(0);
  });

  it("says which is gone for this database's own entries: the deleted account, or only the buyer's character", async () => {
    const { client } = await database();
    const opts = await testActionOptions({ actor: { kind: "admin", name: "test" } });
    const gone = await makeAccount(client);
    const goneCharacter = await makeCharacter(client, { accountId: gone.id });
    const kept = await makeAccount(client);
    const deletedCharacter = await makeCharacter(client, { accountId: kept.id });
    await grantCurrency(client, { ...opts, currency: "premium", accountId: kept.id, amount: 1000n, reason: "test funds", source: "admin" });
    const identity = await getDatabaseIdentity(client);
    const line = (accountId: number, characterId: number, n: number) =>
      JSON.stringify({
        kind: "purchase",
        database: identity,
        id: `storefront:${accountId}:${n}`,
        accountId,
        characterId,
        offerId: 401,
        currency: "premium",
        price: "400",
        at: new Date().toISOString(),
      });
    await writeFile(journalFile, `${line(gone.id, goneCharacter.id, 92)}\n${line(kept.id, deletedCharacter.id, 93)}\n`);
    await client.account.delete({ where: { id: gone.id } });
    await client.character.delete({ where: { id: deletedCharacter.id } });

    const sync = await cli("store", "sync");
    expect(sync.stdout).toContain("store sync: 0 committed, 2 failed, 0 waiting");
    expect(sync.stderr).toContain(`the purchase's account ${gone.id} does not exist in this database (deleted after the purchase was journaled)`);
    expect(sync.stderr).toContain(`the purchase's character ${deletedCharacter.id} no longer exists: the buyer is not mailed the outcome (failed)`);
    expect(sync.stderr).not.toContain("could not mail");
    expect(await client.accountCurrency.findMany({ where: { accountId: kept.id }, select: { balance: true } })).toEqual([{ balance: 1000n }]);
    expect((await cli("store", "sync")).stdout).toBe("store sync: 0 committed, 0 failed, 0 waiting\n");
  });
});
