import type { ReputationScale } from "@bezgelor/data";
import { CORE_ERROR_CODE, CoreError } from "../errors";
import { reputationLevel } from "./standing";

/**
 * The vendor discount, in whole percent, of the level this standing is in.
 * @throws {CoreError} `INVALID_STANDING` when `standing` is not a safe integer.
 */
export function vendorDiscountPercent(scale: ReputationScale, standing: number): number {
  return reputationLevel(scale, standing).discountPercent;
}

/**
 * Whether a faction's vendors sell to someone at this standing.
 * @throws {CoreError} `INVALID_STANDING` when `standing` is not a safe integer.
 */
export function canBuy(scale: ReputationScale, standing: number): boolean {
  return reputationLevel(scale, standing).canBuy;
}

/**
 * Whether a faction's NPCs talk to someone at this standing.
 * @throws {CoreError} `INVALID_STANDING` when `standing` is not a safe integer.
 */
export function canInteract(scale: ReputationScale, standing: number): boolean {
  return reputationLevel(scale, standing).canInteract;
}

/**
 * A price after a percentage discount, in whole gold, rounded up: a fraction of a coin always goes
 * to the house (999 at 5% is 950, not 949). 1000 at 5% is exactly 950.
 * @throws {CoreError} `INVALID_PRICE` for a negative price; `INVALID_PERCENT` unless `percent` is an integer 0..100.
 */
export function discountedPrice(basePrice: bigint, percent: number): bigint {
  if (basePrice < 0n) throw new CoreError(CORE_ERROR_CODE.INVALID_PRICE, `price must not be negative, got ${basePrice}`);
  if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
    throw new CoreError(CORE_ERROR_CODE.INVALID_PERCENT, `discount must be an integer 0..100, got ${percent}`);
  }
  return (basePrice * BigInt(100 - percent) + 99n) / 100n;
}
