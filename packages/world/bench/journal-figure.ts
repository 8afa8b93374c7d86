// The store's offline journal (issue 12): purchases journaled per second, each appended and
// fsync'd before the player would be answered, against a bare loop of the same write and fsync
// on a plain file. Runs in this process on the temporary directory's disk, alternated and repeated.
import { open, rm } from "node:fs/promises";
import { join } from "node:path";
import { OfflineJournal, type JournalPurchase } from "../src/journal/offline-journal";
import type { BenchArgs } from "./args";
import { ratioSpread, type Row } from "./report";
import { spread } from "./stats";

const purchase = (n: number): JournalPurchase => ({
  database: "00000000-0000-4000-8000-000000000001",
  id: `storefront:1:bench:${n}`,
  accountId: 1,
  characterId: 2,
  offerId: 401,
  currency: "premium",
  price: "400",
  at: new Date().toISOString(),
});

/** Journal appends per second for `seconds`. */
async function journalRate(file: string, seconds: number): Promise<number> {
  await rm(file, { force: true });
  const journal = await OfflineJournal.open(file);
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < end) await journal.append(purchase(n++));
  const rate = n / ((performance.now() - started) / 1000);
  await journal.close();
  return rate;
}

/** Bare write + fsync of lines of the same length per second for `seconds`. */
async function fsyncRate(file: string, seconds: number): Promise<number> {
  await rm(file, { force: true });
  const handle = await open(file, "a");
  const line = `${JSON.stringify({ kind: "purchase", ...purchase(0) })}\n`;
  let n = 0;
  const end = performance.now() + seconds * 1000;
  const started = performance.now();
  while (performance.now() < end) {
    await handle.appendFile(line);
    await handle.sync();
    n += 1;
  }
  const rate = n / ((performance.now() - started) / 1000);
  await handle.close();
  return rate;
}

/** Adds the journal row: appends/s vs the bare fsync loop (the disk's own limit). */
export async function journalFigure(args: BenchArgs, temp: string, rows: Row[], progress: (line: string) => void): Promise<void> {
  const journaled: number[] = [];
  const bare: number[] = [];
  const seconds = Math.max(args.seconds / 2, 0.5);
  for (let round = 0; round < args.rounds; round++) {
    bare.push(await fsyncRate(join(temp, "bare.jsonl"), seconds));
    journaled.push(await journalRate(join(temp, "journal.jsonl"), seconds));
    progress(`journal round ${round + 1}/${args.rounds}: ${journaled.at(-1)?.toFixed(0)} vs ${bare.at(-1)?.toFixed(0)} fsync'd writes/s`);
  }
  rows.push({
    figure: "store offline journal: purchases appended and fsync'd",
    value: { unit: "writes/s", spread: spread(journaled) },
    limit: { name: "bare write + fsync loop", unit: "writes/s", spread: spread(bare) },
    ratio: ratioSpread(journaled, bare),
  });
}
