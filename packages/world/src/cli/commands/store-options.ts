// Parsing of the store and promo commands' options. Every bad value is WorldError USAGE (exit 2).
import { MAX_DISCOUNT_PERCENT, MIN_DISCOUNT_PERCENT } from "@bezgelor/core";
import { MAX_MONEY, MAX_STORE_PRICE, MIN_STORE_PRICE, STORE_CURRENCY, ZERO_STORE_PRICE_MESSAGE, type StoreCurrency } from "@bezgelor/data";
import { CalendarDateSchema, MAX_PROMO_ITEM_COUNT, ZonedTimeSchema, type PromoReward } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { parseWholeBigint, parseWholeNumber } from "../whole-number";

/** A positive 32-bit id. */
export function parseId(name: string, value: string): number {
  return parseWholeNumber(name, value, 1, 2147483647);
}

/**
 * A promotion's or daily deal's percent off: a whole number MIN_DISCOUNT_PERCENT..MAX_DISCOUNT_PERCENT
 * (1..100; 0 % is no discount). Throws WorldError USAGE (exit 2).
 */
export function parsePercent(value: string): number {
  return parseWholeNumber("percent", value, MIN_DISCOUNT_PERCENT, MAX_DISCOUNT_PERCENT);
}

/** A non-negative whole amount (a price may be 0 under a 100 % discount). */
export function parseMoney(name: string, value: string): bigint {
  return parseWholeBigint(name, value, 0n, MAX_MONEY);
}

/**
 * An offer's base price: a whole amount from MIN_STORE_PRICE (1: an offer is never sold for 0) to
 * MAX_STORE_PRICE (exact in the client's 32-bit price). Throws WorldError USAGE (exit 2).
 */
export function parseStorePrice(name: string, value: string): bigint {
  // Its own range, not parseMoney's 0..MAX_MONEY: -3 is refused as below 1, not as negative.
  if (!/^[-+]?\d+$/.test(value)) throw new WorldError("USAGE", `--${name} must be a whole number from ${MIN_STORE_PRICE} to ${MAX_STORE_PRICE}, got ${value}`);
  const price = BigInt(value);
  if (price < MIN_STORE_PRICE) throw new WorldError("USAGE", `--${name} ${ZERO_STORE_PRICE_MESSAGE}, got ${value}`);
  if (price > MAX_STORE_PRICE)
    throw new WorldError("USAGE", `--${name} must be at most ${MAX_STORE_PRICE} (the client shows store prices as 32-bit floats), got ${value}`);
  return price;
}

/** premium, bonus or gold. */
export function parseStoreCurrency(value: string): StoreCurrency {
  if (!(STORE_CURRENCY as readonly string[]).includes(value))
    throw new WorldError("USAGE", `--currency must be one of ${STORE_CURRENCY.join(", ")}, got ${value}`);
  return value as StoreCurrency;
}

/** An ISO 8601 time with a zone on a calendar date (`ZonedTimeSchema`), e.g. 2026-12-01T00:00:00Z. */
export function parseTime(name: string, value: string): Date {
  const at = ZonedTimeSchema.safeParse(value);
  if (!at.success) throw new WorldError("USAGE", `--${name} must be an ISO 8601 time with a zone on a calendar date (2026-12-01T00:00:00Z), got ${value}`);
  return at.data;
}

/** A UTC calendar date YYYY-MM-DD (`CalendarDateSchema`: 2026-02-30 is refused, not rolled over). */
export function parseDate(name: string, value: string): string {
  if (!CalendarDateSchema.safeParse(value).success) throw new WorldError("USAGE", `--${name} must be a UTC calendar date YYYY-MM-DD, got ${value}`);
  return value;
}

/** true or false. */
export function parseBool(name: string, value: string): boolean {
  if (value !== "true" && value !== "false") throw new WorldError("USAGE", `--${name} must be true or false, got ${value}`);
  return value === "true";
}

/**
 * A promo reward: premium:N, bonus:N, gold:N, mount:ID, pet:ID, vanity_pet:ID, title:ID, item:ID[:COUNT], offer:ID.
 * Throws WorldError USAGE.
 */
export function parseReward(value: string): PromoReward {
  const [kind, a, b, ...rest] = value.split(":");
  const bad = () =>
    new WorldError(
      "USAGE",
      `--reward must be premium:N, bonus:N, gold:N, mount:ID, pet:ID, vanity_pet:ID, title:ID, item:ID[:COUNT] or offer:ID, got ${value}`,
    );
  if (a === undefined || rest.length > 0) throw bad();
  switch (kind) {
    case "premium":
    case "bonus":
    case "gold": {
      if (b !== undefined) throw bad();
      // 1 to MAX_MONEY, the amounts a promo's currency reward takes: a wrong amount is one line with that range.
      return { kind: "currency", currency: kind, amount: parseWholeBigint("reward", a, 1n, MAX_MONEY) };
    }
    case "mount":
      return { kind: "mount", mountId: parseId("reward", a) };
    case "pet":
      return { kind: "pet", petId: parseId("reward", a) };
    case "vanity_pet":
      return { kind: "vanity_pet", vanityPetId: parseId("reward", a) };
    case "title":
      return { kind: "title", titleId: parseId("reward", a) };
    case "offer":
      return { kind: "offer", offerId: parseId("reward", a) };
    case "item":
      return { kind: "item", itemId: parseId("reward", a), count: b === undefined ? 1 : parseWholeNumber("reward", b, 1, MAX_PROMO_ITEM_COUNT) };
    default:
      throw bad();
  }
}
