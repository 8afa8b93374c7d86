import type { z } from "zod";
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

/**
 * Validate every entry of one table and index it by id.
 * @throws {DataError} `INVALID_ENTRY` naming file, entry id and field path; `DUPLICATE_ID` on a repeated id.
 */
export function parseEntries<N extends GameDataTableName>(name: N, raws: readonly unknown[]): Map<GameDataEntry<N>["id"], GameDataEntry<N>> {
  const { file, schema } = GAME_DATA_TABLES[name];
  const byId = new Map<GameDataEntry<N>["id"], GameDataEntry<N>>();
  raws.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    const id = entryLabel(raw, index);
    if (!result.success) {
      const [first, ...rest] = result.error.issues;
      const more = rest.length > 0 ? ` (and ${rest.length} more)` : "";
      throw new DataError(
        DATA_ERROR_CODE.INVALID_ENTRY,
        `${first === undefined ? "invalid" : describeIssue(first)}${more}`,
        { file, id, path: formatPath(first?.path ?? []) },
        { cause: result.error },
      );
    }
    const entry = result.data as GameDataEntry<N>;
    if (byId.has(entry.id)) {
      throw new DataError(DATA_ERROR_CODE.DUPLICATE_ID, `duplicate ${GAME_DATA_TABLES[name].kind} id`, { file, id, path: "id" });
    }
    byId.set(entry.id, deepFreeze(entry));
  });
  return byId;
}

function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value) && !(value instanceof Date)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
