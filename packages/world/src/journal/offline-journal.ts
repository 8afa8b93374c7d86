// The offline journal: storefront purchases accepted while the database cannot be reached. Each is
// one JSON line appended and fsync'd before the player is told "pending", so an acknowledged
// purchase survives a crash; a second line settles it once the database has applied (or refused)
// it. Replay applies entries by their idempotency key, so a crash between the commit and the
// settling line applies nothing twice: the replayed purchase returns its first result. Each entry
// names the database it was made for (its identity, getDatabaseIdentity), and only that database
// ever applies it.
import { open, writeFile, type FileHandle } from "node:fs/promises";
import { ensureDataDirectory } from "@bezgelor/db";
import path from "node:path";
import { z } from "zod";
import { WorldError } from "../errors";
import { lockJournal } from "./journal-lock";

/** A purchase the journal holds until the database applies it. Amounts are decimal strings (bigint). */
export const JournalPurchaseSchema = z.object({
  /** The identity (UUID) of the database the purchase is for: the one the server was running on. */
  database: z.string().uuid(),
  /** The purchase's idempotency key: `storefront:<account>:<login>:<transaction id>` or a UUID-based one. */
  id: z.string().min(1).max(200),
  accountId: z.number().int().min(1),
  characterId: z.number().int().min(1),
  offerId: z.number().int().min(1),
  currency: z.enum(["premium", "bonus", "gold"]),
  /** The price the player was shown, from the last catalog the server held. */
  price: z.string().regex(/^\d{1,19}$/),
  gift: z.object({ characterId: z.number().int().min(1), note: z.string() }).optional(),
  /** When the player asked (ISO 8601). */
  at: z.string(),
});
export type JournalPurchase = z.output<typeof JournalPurchaseSchema>;

/**
 * An entry as read back: a purchase, or one written before entries named their database
 * (`database` absent), which no database applies by itself (see `bezgelor store sync --claim`).
 */
export type JournalEntry = JournalPurchase | (Omit<JournalPurchase, "database"> & { database?: undefined });

/** How a journaled purchase ended: applied, or refused by the game with the refusal's code. */
export type JournalOutcome = { outcome: "committed" } | { outcome: "failed"; reason: string };

const LineSchema = z.discriminatedUnion("kind", [
  JournalPurchaseSchema.extend({ kind: z.literal("purchase"), database: z.string().uuid().optional() }),
  z.object({ kind: z.literal("settled"), id: z.string(), outcome: z.enum(["committed", "failed"]), reason: z.string().optional(), at: z.string() }),
]);

/**
 * A last line without its newline that was not a whole entry (a write cut short by a crash, never
 * acknowledged): how many bytes it had and the file they were moved to, for the operator.
 */
export interface TornTail {
  readonly bytes: number;
  readonly savedAs: string;
}

/** The operator's line about a {@link TornTail}. */
export function tornTailMessage(file: string, torn: TornTail): string {
  return `store journal ${file}: its last ${torn.bytes} bytes were not a whole entry (a write cut short, never acknowledged to a player); moved to ${torn.savedAs}`;
}

/** Test hook: throwing (or killing the process) at a named step simulates a crash there. */
export type JournalFaults = (step: "before-sync" | "after-sync" | "before-settle") => void;

/**
 * An append-only journal file. Open it with {@link OfflineJournal.open}; `append` returns only
 * after the line is on disk. One writer per file, held by a lock file: the world server, or
 * `bezgelor store sync` when the server is down.
 */
export class OfflineJournal {
  private readonly waiting = new Map<string, JournalEntry>();
  private writes: Promise<unknown> = Promise.resolve();
  /** What {@link open} moved out of the file's end, to be logged by the opener; undefined when nothing. */
  tornTail: TornTail | undefined;

  private constructor(
    readonly file: string,
    private readonly handle: FileHandle,
    private readonly faults: JournalFaults,
    private readonly unlock: () => void,
  ) {}

  /**
   * Opens (creating) the journal at `file` and reads what is still pending. A last line without its
   * newline that is a whole entry is kept (the newline is added): applying it is safe, its id makes
   * it once. One that is not (a write cut short by a crash, so never acknowledged: the player is
   * answered after the fsync) is moved to `<file>.torn-<time>` and the file truncated to the last
   * whole line; {@link tornTail} says so, for the opener to log.
   * @throws WorldError JOURNAL_CORRUPT when a whole line is not a journal entry (the file is left
   * as it is), UNAVAILABLE when another live process holds the journal, CONFIG_INVALID when the
   * path cannot be opened as a file (a directory, no permission).
   */
  static async open(file: string, faults: JournalFaults = () => undefined): Promise<OfflineJournal> {
    let handle: FileHandle;
    try {
      // Not Node's recursive mkdir: under /proc it loops for ever (see ensureDataDirectory).
      ensureDataDirectory(path.dirname(path.resolve(file)), "The store journal's directory");
      handle = await open(file, "a+");
    } catch (error) {
      throw cannotOpen(file, (error as Error).message, error);
    }
    // A device (/dev/zero, /dev/full) or a pipe would be read for ever, the memory growing until
    // the kernel kills the process: the journal is a regular file or nothing.
    const stats = await handle.stat();
    if (!stats.isFile()) {
      await handle.close();
      throw cannotOpen(file, "it is not a regular file (a device, a pipe or a socket); name a file the server can create");
    }
    let unlock: () => void;
    try {
      unlock = lockJournal(file);
    } catch (error) {
      await handle.close();
      throw error;
    }
    try {
      const bytes = await handle.readFile();
      const journal = new OfflineJournal(file, handle, faults, unlock);
      // Cut at the last newline byte: whole lines before it, whatever the tail's bytes are.
      const whole = bytes.lastIndexOf(0x0a) + 1;
      let text = bytes.subarray(0, whole).toString("utf8");
      if (whole < bytes.length) {
        const tail = bytes.subarray(whole);
        if (parseLine(tail.toString("utf8")) !== undefined) {
          await handle.appendFile("\n");
          text += `${tail.toString("utf8")}\n`;
        } else {
          const savedAs = `${file}.torn-${new Date().toISOString().replace(/[:.]/g, "-")}`;
          await writeFile(savedAs, tail, { flush: true });
          await handle.truncate(whole);
          journal.tornTail = { bytes: tail.length, savedAs };
        }
        await handle.sync();
      }
      text.split("\n").forEach((line, index) => {
        if (line !== "") journal.apply(line, index + 1);
      });
      return journal;
    } catch (error) {
      await handle.close();
      unlock();
      throw error;
    }
  }

  private apply(line: string, number: number): void {
    const entry = parseLine(line);
    if (entry === undefined) {
      throw new WorldError("JOURNAL_CORRUPT", `store journal ${this.file} line ${number} is not a journal entry; inspect it before starting again`, {
        details: { file: this.file, line: number },
      });
    }
    if (entry.kind === "settled") this.waiting.delete(entry.id);
    else {
      const { kind: _kind, ...purchase } = entry;
      this.waiting.set(purchase.id, purchase);
    }
  }

  /** Entries not yet settled, oldest first; with `database`, only the purchases made for it. */
  pending(): JournalEntry[];
  pending(database: string): JournalPurchase[];
  pending(database?: string): JournalEntry[] {
    const all = [...this.waiting.values()];
    return database === undefined ? all : all.filter((e) => e.database === database);
  }

  /** Whether `id` waits in the journal. */
  has(id: string): boolean {
    return this.waiting.has(id);
  }

  /** Appends `purchase` and returns once it is on disk. A retry of a waiting id writes nothing. */
  async append(purchase: JournalPurchase): Promise<void> {
    if (this.waiting.has(purchase.id)) return;
    // Counted as waiting before the write is queued, so a settle finishing meanwhile never sees
    // the journal empty and truncates this line away.
    this.waiting.set(purchase.id, purchase);
    try {
      await this.write({ kind: "purchase", ...purchase });
    } catch (error) {
      this.waiting.delete(purchase.id);
      throw error;
    }
  }

  /** Records how `id` ended; it is no longer pending. */
  async settle(id: string, outcome: JournalOutcome): Promise<void> {
    this.faults("before-settle");
    await this.write({ kind: "settled", id, ...outcome, at: new Date().toISOString() });
    this.waiting.delete(id);
    // Nothing waits: start the file afresh so it never grows without bound.
    await this.serial(async () => {
      if (this.waiting.size > 0) return;
      await this.handle.truncate(0);
      await this.handle.sync();
    });
  }

  private write(line: z.input<typeof LineSchema>): Promise<void> {
    return this.serial(async () => {
      await this.handle.appendFile(`${JSON.stringify(line)}\n`);
      this.faults("before-sync");
      await this.handle.sync();
      this.faults("after-sync");
    });
  }

  /** Writes happen one after another, so lines never interleave and truncation waits its turn. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.writes.then(work, work);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** Closes the file. */
  async close(): Promise<void> {
    await this.writes;
    await this.handle.close();
    this.unlock();
  }
}

/** `line` as a journal line (a purchase or a settling), as {@link OfflineJournal} writes them; undefined when it is not one. */
function parseLine(line: string): z.output<typeof LineSchema> | undefined {
  try {
    const parsed = LineSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** CONFIG_INVALID for a journal path that cannot be the journal. */
function cannotOpen(file: string, why: string, cause?: unknown): WorldError {
  return new WorldError("CONFIG_INVALID", `store journal ${file} cannot be opened (store.journalFile, BEZGELOR_STORE_JOURNAL): ${why}`, {
    ...(cause === undefined ? {} : { cause }),
    details: { file },
  });
}
