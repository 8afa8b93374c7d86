// Whole-number options: one rule for the CLI's ids, counts, percents and amounts, so every refusal
// says what is wrong (not a whole number, or below or above the range) in one line that names the
// range, whichever way the value is wrong.
import { WorldError } from "../errors";

/**
 * `--name`'s value as a whole number in min..max. Throws WorldError USAGE (exit 2) saying whether
 * it is not a whole number, negative (when min is 0), below min or above max, always with the range.
 */
export function parseWholeBigint(name: string, value: string, min: bigint, max: bigint): bigint {
  const range = `${min} to ${max}`;
  if (!/^[-+]?\d+$/.test(value)) throw new WorldError("USAGE", `--${name} must be a whole number from ${range}, got ${value}`);
  const n = BigInt(value);
  if (n < min) {
    const rule = min === 0n ? "must not be negative" : `must be at least ${min}`;
    throw new WorldError("USAGE", `--${name} ${rule} (${range}), got ${value}`);
  }
  if (n > max) throw new WorldError("USAGE", `--${name} must be at most ${max} (${range}), got ${value}`);
  return n;
}

/** {@link parseWholeBigint} for a range within safe integers, as a number. Throws WorldError USAGE. */
export function parseWholeNumber(name: string, value: string, min: number, max: number): number {
  return Number(parseWholeBigint(name, value, BigInt(min), BigInt(max)));
}
