// Text options: lengths and idempotency keys checked at the CLI with the bounds the actions use, so
// an operator reads one plain line naming the option instead of the action's validator text.
import { unshownCharacter } from "@bezgelor/core";
import { IdempotencyKeySchema, MAX_REASON_LENGTH } from "@bezgelor/db";
import { WorldError } from "../errors";

/**
 * `--name`'s value when it has min..max characters (counted as the client and core count them, by
 * code point). Throws WorldError USAGE (exit 2) saying it is empty or how long it is.
 */
export function parseText(name: string, value: string, min: number, max: number, measure = codePoints): string {
  const length = measure(value);
  if (length < min) throw new WorldError("USAGE", min === 1 ? `--${name} must not be empty` : `--${name} must have at least ${min} characters, got ${length}`);
  if (length > max) throw new WorldError("USAGE", `--${name} must have at most ${max} characters, got ${length}`);
  return value;
}

const codePoints = (value: string) => [...value].length;

/**
 * A ledger or event reason (`--reason`) as the actions take it: 1 to MAX_REASON_LENGTH characters
 * after trimming, counted as the validator counts them (UTF-16 code units), none a control or
 * bidirectional-override character (core `unshownCharacter`, as ReasonSchema). Returns it trimmed.
 * Throws WorldError USAGE (exit 2).
 */
export function parseReason(value: string): string {
  const reason = parseText("reason", value.trim(), 1, MAX_REASON_LENGTH, (text) => text.length);
  const found = unshownCharacter(reason);
  if (found !== undefined) throw new WorldError("USAGE", `--reason must not hold ${found}, a control or bidirectional-override character`);
  return reason;
}

/**
 * An idempotency key as the actions take it (`IdempotencyKeySchema`: 1 to 128 printable
 * characters without spaces). Throws WorldError USAGE (exit 2).
 */
export function parseIdempotencyKey(value: string): string {
  const parsed = IdempotencyKeySchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const rule = parsed.error.issues[0]?.message ?? "is not a valid idempotency key";
  throw new WorldError("USAGE", `--key ${rule}, got ${[...value].length} characters`);
}
