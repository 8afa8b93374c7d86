import { appendFile, mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OfflineJournal, tornTailMessage, type JournalPurchase } from "./offline-journal";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "bezgelor-journal-"));
  file = path.join(dir, "nested", "journal.jsonl");
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const purchase = (id: string, more: Partial<JournalPurchase> = {}): JournalPurchase => ({
  database: "00000000-0000-4000-8000-000000000001",
  id,
  accountId: 1,
  characterId: 2,
  offerId: 401,
  currency: "premium",
  price: "400",
  at: "2026-11-30T12:00:00.000Z",
  ...more,
});

/** The ids waiting in the file, read by a journal opened and closed again. */
async function pendingIds(): Promise<string[]> {
  const journal = await OfflineJournal.open(file);
  const ids = journal.pending().map((p) => p.id);
  await journal.close();
  return ids;
}

describe("OfflineJournal", () => {
  it("keeps appended purchases across a reopen, oldest first, until each is settled", async () => {
    const journal = await OfflineJournal.open(file);
    await journal.append(purchase("a"));
    await journal.append(purchase("b", { gift: { characterId: 9, note: "hi" } }));
    await journal.close();

    const reopened = await OfflineJournal.open(file);
    expect(reopened.pending().map((p) => p.id)).toEqual(["a", "b"]);
    expect(reopened.pending()[1]?.gift).toEqual({ characterId: 9, note: "hi" });
    await reopened.settle("a", { outcome: "committed" });
    await reopened.close();
    expect(await pendingIds()).toEqual(["b"]);
  });

  it("keeps the database each purchase was made for, and reads an older entry naming none", async () => {
    const other = "00000000-0000-4000-8000-000000000002";
    const { database: _none, ...legacy } = purchase("old");
    await (await OfflineJournal.open(file)).close();
    await writeFile(file, `${JSON.stringify({ kind: "purchase", ...legacy })}\n`);
    const journal = await OfflineJournal.open(file);
    await journal.append(purchase("b", { database: other }));
    await journal.append(purchase("c"));
    await journal.close();

    const reopened = await OfflineJournal.open(file);
    expect(reopened.pending().map((p) => [p.id, p.database])).toEqual([
      ["old", undefined],
      ["b", other],
      ["c", purchase("c").database],
    ]);
    expect(reopened.pending(other).map((p) => p.id)).toEqual(["b"]);
    await reopened.close();
  });

  it("a retried purchase (same id) is written once", async () => {
    const journal = await OfflineJournal.open(file);
    await journal.append(purchase("a"));
    await journal.append(purchase("a"));
    await journal.close();
    expect((await readFile(file, "utf8")).trim().split("\n")).toHaveLength(1);
  });

  it("starts the file afresh once nothing waits", async () => {
    const journal = await OfflineJournal.open(file);
    await journal.append(purchase("a"));
    await journal.settle("a", { outcome: "failed", reason: "INSUFFICIENT_FUNDS" });
    await journal.close();
    expect(await readFile(file, "utf8")).toBe("");
  });

  it("a purchase appended while another settles is never truncated away", async () => {
    const journal = await OfflineJournal.open(file);
    await journal.append(purchase("a"));
    await Promise.all([journal.settle("a", { outcome: "committed" }), journal.append(purchase("b"))]);
    await journal.close();
    expect(await pendingIds()).toEqual(["b"]);
  });

  it("moves a last line cut short by a crash (never acknowledged) aside, says so, and appends after the whole lines", async () => {
    const journal = await OfflineJournal.open(file);
    await journal.append(purchase("a"));
    await journal.close();
    // Cut inside a character too: the bytes kept aside are the file's, not their decoding.
    const torn = Buffer.concat([Buffer.from('{"kind":"purchase","id":"torn","note":"'), Buffer.from("é").subarray(0, 1)]);
    await appendFile(file, torn);
    const reopened = await OfflineJournal.open(file);
    expect(reopened.pending().map((p) => p.id)).toEqual(["a"]);
    expect(reopened.tornTail).toMatchObject({ bytes: torn.length, savedAs: expect.stringMatching(/journal\.jsonl\.torn-/) });
    expect(await readFile(reopened.tornTail!.savedAs)).toEqual(torn);
    expect(tornTailMessage(file, reopened.tornTail!)).toMatch(/last \d+ bytes were not a whole entry .* moved to /);
    await reopened.append(purchase("c"));
    await reopened.close();
    expect(await pendingIds()).toEqual(["a", "c"]);
  });

  it("keeps a whole last entry that lost only its newline: it is pending, and the next line starts on a line of its own", async () => {
    await (await OfflineJournal.open(file)).close();
    await writeFile(file, `${JSON.stringify({ kind: "purchase", ...purchase("a") })}\n${JSON.stringify({ kind: "purchase", ...purchase("b") })}`);
    const journal = await OfflineJournal.open(file);
    expect(journal.tornTail).toBeUndefined();
    expect(journal.pending().map((p) => p.id)).toEqual(["a", "b"]);
    await journal.append(purchase("c"));
    await journal.close();
    expect(await pendingIds()).toEqual(["a", "b", "c"]);
  });

  it("refuses to start on a whole line that is not a journal entry, and leaves the file alone", async () => {
    const text = `${JSON.stringify({ kind: "purchase", ...purchase("a") })}\n{"kind":"purchase","id":"x"}\n`;
    await (await OfflineJournal.open(file)).close();
    await writeFile(file, text);
    await expect(OfflineJournal.open(file)).rejects.toMatchObject({ code: "JOURNAL_CORRUPT", details: { line: 2 } });
    expect(await readFile(file, "utf8")).toBe(text);
  });

  it("a write that fails before its fsync is not counted as waiting", async () => {
    let fail = true;
    const journal = await OfflineJournal.open(file, (step) => {
      if (step === "before-sync" && fail) throw new Error("crash before fsync");
    });
    await expect(journal.append(purchase("a"))).rejects.toThrow("crash before fsync");
    expect(journal.pending()).toEqual([]);
    fail = false;
    await journal.append(purchase("b"));
    expect(journal.pending().map((p) => p.id)).toEqual(["b"]);
    await journal.close();
  });
});

describe("the journal lock", () => {
  it("one process at a time: a second opener is refused naming the holder, and may open once it is closed", async () => {
    const first = await OfflineJournal.open(file);
    await expect(OfflineJournal.open(file)).rejects.toMatchObject({ code: "UNAVAILABLE", message: expect.stringContaining(`pid ${process.pid}`) });
    await first.close();
    await (await OfflineJournal.open(file)).close();
  });

  it("a lock left by a dead process is taken over", async () => {
    await (await OfflineJournal.open(file)).close();
    await writeFile(`${file}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, command: "killed server" }));
    await (await OfflineJournal.open(file)).close();
  });
});

describe("the journal lock, by the file's real path", () => {
  it("a symlink to a held journal meets the same lock", async () => {
    const first = await OfflineJournal.open(file);
    const link = path.join(dir, "link.jsonl");
    await symlink(file, link);
    await expect(OfflineJournal.open(link)).rejects.toMatchObject({ code: "UNAVAILABLE" });
    await first.close();
  });

  it("a lock naming a live pid that now runs something else (reused after a restart) is taken over", async () => {
    await (await OfflineJournal.open(file)).close();
    await writeFile(`${file}.lock`, JSON.stringify({ pid: process.ppid, command: "an old server", cmdline: "not what that pid runs" }));
    await (await OfflineJournal.open(file)).close();
  });

  it("a path that cannot be a journal file is a configuration error naming the setting", async () => {
    await expect(OfflineJournal.open(dir)).rejects.toMatchObject({ code: "CONFIG_INVALID", message: expect.stringContaining("BEZGELOR_STORE_JOURNAL") });
  });

  // Read whole, a device that never ends grew the server's memory until the kernel killed it.
  it.runIf(existsSync("/dev/zero"))("a device (/dev/zero, /dev/full) is refused before a byte is read", async () => {
    for (const device of ["/dev/zero", "/dev/full"]) {
      await expect(OfflineJournal.open(device)).rejects.toMatchObject({
        code: "CONFIG_INVALID",
        message: expect.stringContaining(`store journal ${device} cannot be opened (store.journalFile, BEZGELOR_STORE_JOURNAL): it is not a regular file`),
      });
    }
  });
});
