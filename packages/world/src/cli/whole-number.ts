// Whole-number options: one rule for the CLI's ids, counts, percents and amounts, so every refusal
// says what is wrong (not a number, negative, or out of range with the range) in one line.
import { WorldError } from "../errors";

/**
 * `--name`'s value as a whole number in min..max. Throws WorldError USAGE (exit 2) saying whether
 * it is not a whole number, negative where negatives are not allowed, or out of range.
 */
export function parseWholeBigint(name: string, value: string, min: bigint, max: bigint): bigint {
  const range = `${min} to ${max}`;
  if (!/^[-+]?\d+$/.test(value)) throw new WorldError("USAGE", `--${name} must be a whole number from ${range}, got ${value}`);
  const n = BigInt(value);
  if (n < 0n && min >= 0n) throw new WorldError("USAGE", `--${name} must not be negative (${range}), got ${value}`);
  if (n < min || n > max) throw new WorldError("USAGE", `--${name} is out of range (${range}), got ${value}`);
  return n;
}

/** {@link parseWholeBigint} for a range within safe integers, as a number. Throws WorldError USAGE. */
export function parseWholeNumber(name: string, value: string, min: number, max: number): number {
  return Number(parseWholeBigint(name, value, BigInt(min), BigInt(max)));
}
