// What an HTTP client is told for each refusal: the db package's error code, its message, and a
// status that says whose fault it was.
import { isDatabaseUnavailable, isDbError, type DbError } from "@bezgelor/db";

/** A refusal the service itself makes (bad JSON, a missing header) before any db call. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "HttpError";
  }
}

const CONFLICT = new Set([
  "INSUFFICIENT_FUNDS",
  "BALANCE_OVERFLOW",
  "INVENTORY_OVERFLOW",
  "STORE_OFFER_UNAVAILABLE",
  "STORE_CURRENCY_NOT_ACCEPTED",
  "STORE_PRICE_CHANGED",
  "STORE_ALREADY_OWNED",
  "STORE_CHARACTER_REQUIRED",
  "STORE_NOT_GIFTABLE",
  "STORE_GIFT_RECIPIENT_INELIGIBLE",
  "STORE_GIFT_ALREADY_OWNED",
]);

/** The HTTP status for a db refusal; 500 for anything the caller could not have caused. */
export function statusOf(error: DbError): number {
  if (isDatabaseUnavailable(error)) return 503;
  if (error.code === "INVALID_INPUT") return 400;
  if (error.code.endsWith("_NOT_FOUND")) return 404;
  if (error.code === "IDEMPOTENCY_KEY_REUSED") return 422;
  if (CONFLICT.has(error.code)) return 409;
  return 500;
}

/** Status and body for any thrown value; internal failures are not described to the caller. */
export function describeFailure(error: unknown): { status: number; body: { error: string; message: string } } {
  if (error instanceof HttpError) return { status: error.status, body: { error: error.code, message: error.message } };
  if (isDbError(error)) {
    const status = statusOf(error);
    if (status === 503)
      return { status, body: { error: "DATABASE_UNAVAILABLE", message: "the database cannot be reached; retry with the same Idempotency-Key" } };
    if (status < 500) return { status, body: { error: error.code, message: error.message } };
  }
  return { status: 500, body: { error: "INTERNAL", message: "the service failed; see its log" } };
}
