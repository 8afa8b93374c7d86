import { z } from "zod";
import { DATA_ERROR_CODE, DataError } from "./errors";
import { GAME_DATA_TABLES, type GameDataEntry, type GameDataTableName } from "./files";

/** `a.b[0].c` from a zod issue path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, segment) => {
    if (typeof segment === "number") return `${out}[${segment}]`;
    return out === "" ? String(segment) : `${out}.${String(segment)}`;
  }, "");
}

/** The entry's own id when it has a usable one, else its position, so errors can name it. */
export function entryLabel(raw: unknown, index: number): string | number {
  if (typeof raw === "object" && raw !== null && "id" in raw) {
    const id: unknown = raw.id;
    if (typeof id === "number" || typeof id === "string") return id;
  }
  return `#${index}`;
}

function describeIssue(issue: z.core.$ZodIssue): string {
  return issue.message;
}

/** Each table's entry schema, AOT-compiled by zod once, and the same for a whole array of entries. */
interface CompiledTable {
  readonly entry: z.ZodType;
  readonly entries: z.ZodType;
}

const compiled = new Map<GameDataTableName, CompiledTable>();

function compiledTable(name: GameDataTableName): CompiledTable {
  let table = compiled.get(name);
  if (table === undefined) {
    const entry = z.compile(GAME_DATA_TABLES[name].schema as z.ZodType);
    table = { entry, entries: z.compile(z.array(entry)) };
    compiled.set(name, table);
  }
  return table;
}

function invalidEntry(file: string, raw: unknown, index: number, error: z.ZodError): DataError {
  const [first, ...rest] = error.issues;
  const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
  return new DataError(
    DATA_ERROR_CODE.INVALID_ENTRY,
    `${first === undefined ? "invalid" : describeIssue(first)}${more}`,
    { file, id: entryLabel(raw, index), path: formatPath(first?.path ?? []) },
    { cause: error },
  );
}

/**
 * Validate every entry of one table and index it by id. The whole array is parsed at once by a
 * compiled schema; only when it fails are the entries parsed one by one to name the first bad one.
 * @throws {DataError} `INVALID_ENTRY` naming file, entry id and field path; `DUPLICATE_ID` on a repeated id.
 */
export function parseEntries<N extends GameDataTableName>(name: N, raws: readonly unknown[]): Map<GameDataEntry<N>["id"], GameDataEntry<N>> {
  const { file, kind } = GAME_DATA_TABLES[name];
  const schemas = compiledTable(name);
  const whole = schemas.entries.safeParse(raws);
  const byId = new Map<GameDataEntry<N>["id"], GameDataEntry<N>>();
  const add = (entry: GameDataEntry<N>, raw: unknown, index: number) => {
    if (byId.has(entry.id)) throw new DataError(DATA_ERROR_CODE.DUPLICATE_ID, `duplicate ${kind} id`, { file, id: entryLabel(raw, index), path: "id" });
    byId.set(entry.id, deepFreeze(entry));
  };
  if (whole.success) {
    // One hash per entry: a repeated id leaves the size unchanged.
    const entries = whole.data as GameDataEntry<N>[];
    for (let index = 0; index < entries.length; index++) {
      const entry = entries[index] as GameDataEntry<N>;
      const size = byId.size;
      byId.set(entry.id, deepFreeze(entry));
      if (byId.size === size)
        throw new DataError(DATA_ERROR_CODE.DUPLICATE_ID, `duplicate ${kind} id`, { file, id: entryLabel(raws[index], index), path: "id" });
    }
    return byId;
  }
  // Entry by entry, in file order, so the error names the first bad entry (or the first duplicate before it).
  raws.forEach((raw, index) => {
    const result = schemas.entry.safeParse(raw);
    if (!result.success) throw invalidEntry(file, raw, index, result.error);
    add(result.data as GameDataEntry<N>, raw, index);
  });
  return byId;
}

/** Freezes a fresh parse result and everything in it (dates are left alone, as are frozen parts). */
function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value) || value instanceof Date) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) deepFreeze(value[i]);
  } else {
    for (const key in value) deepFreeze(value[key]);
  }
  return Object.freeze(value);
}
