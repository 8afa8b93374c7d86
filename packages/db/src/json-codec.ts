// JSON columns (event payloads, idempotent results) hold bigints and dates, which JSON cannot:
// they are written as {"$bigint": "123"} and {"$date": "2026-01-01T00:00:00.000Z"} and read back.
import { Prisma } from "./generated/prisma/client";

const BIGINT = "$bigint";
const DATE = "$date";

/** Converts a value with bigints and Dates into plain JSON for a Json column. */
export function toJsonColumn(value: unknown): Prisma.InputJsonValue {
  return JSON.parse(
    JSON.stringify(value, function (this: Record<string, unknown>, key, v: unknown) {
      const raw = this[key];
      if (typeof raw === "bigint") return { [BIGINT]: raw.toString() };
      if (raw instanceof Date) return { [DATE]: raw.toISOString() };
      return v;
    }),
  ) as Prisma.InputJsonValue;
}

/**
 * A bigint SQL expression as {@link toJsonColumn} stores a bigint (`{"$bigint": "123"}`), for a
 * payload completed inside a statement.
 */
export function jsonBigintSql(expression: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`jsonb_build_object(${BIGINT}::text, (${expression})::text)`;
}

/** The inverse of {@link toJsonColumn}: tagged bigints and dates come back as bigint and Date. */
export function fromJsonColumn<T>(value: unknown): T {
  return revive(value) as T;
}

function revive(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(revive);
  if (value === null || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && typeof record[BIGINT] === "string") return BigInt(record[BIGINT]);
  if (keys.length === 1 && typeof record[DATE] === "string") return new Date(record[DATE]);
  return Object.fromEntries(keys.map((k) => [k, revive(record[k])]));
}
