// The three things a web shop needs from the game: what is for sale, what a player holds, and a
// purchase that charges once however often the browser retries it.
import { getBalances, getStoreCatalog, purchaseOffer, type DbClient, type GameRules } from "@bezgelor/db";
import { z } from "zod";
import { HttpError } from "./http-error.js";

/** What a route needs: the database, the rules actions take, and the request. */
export interface RouteContext {
  client: DbClient;
  rules: GameRules;
  query: URLSearchParams;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

/** A route's answer: its status and a JSON-serialisable body (bigints become decimal strings). */
export interface RouteResult {
  status: number;
  body: unknown;
}

const Id = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(2147483647, "must be at most 2147483647");
const BalancesQuery = z.object({ accountId: Id, characterId: Id.optional() });
const PurchaseBody = z.object({
  accountId: Id,
  characterId: Id.optional(),
  offerId: Id,
  currency: z.enum(["premium", "bonus", "gold"]),
  /** The price the buyer was shown, in the currency's smallest unit, as a decimal string. */
  price: z.string().regex(/^\d{1,19}$/, "a whole number of the currency's smallest unit, as a string"),
});
/** Printable ASCII, as the IETF Idempotency-Key draft's examples; bounded so it fits the key column. */
const IdempotencyKey = z.string({ error: "missing" }).regex(/^[\x21-\x7e]{1,100}$/, "must be 1-100 printable ASCII characters, no spaces");

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // One message per field: the first thing wrong with it.
  const byField = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const field = issue.path.join(".");
    if (!byField.has(field)) byField.set(field, issue.message);
  }
  const issues = [...byField].map(([field, message]) => (field ? `${field}: ${message}` : message)).join("; ");
  throw new HttpError(400, "INVALID_INPUT", `${what}: ${issues}`);
}

/** GET /catalog: every visible category and available offer with its prices now. */
export async function catalog(ctx: RouteContext): Promise<RouteResult> {
  return { status: 200, body: await getStoreCatalog(ctx.client) };
}

/** GET /balances?accountId=&characterId=: NCoin and Omnibits of the account, gold of the character. */
export async function balances(ctx: RouteContext): Promise<RouteResult> {
  const q = parse(BalancesQuery, Object.fromEntries(ctx.query), "query");
  return { status: 200, body: await getBalances(ctx.client, q) };
}

/**
 * POST /purchases with an `Idempotency-Key` header: buys the offer for the account (and
 * character) at the shown price. 201 when charged now, 200 with `replayed: true` when the key was
 * used before for the same request (nothing charged again), 422 when it was used for another.
 */
export async function purchase(ctx: RouteContext): Promise<RouteResult> {
  const header = ctx.headers["idempotency-key"];
  const key = parse(IdempotencyKey, Array.isArray(header) ? header[0] : header, "Idempotency-Key header");
  const body = parse(PurchaseBody, ctx.body, "body");
  const buyer = body.characterId === undefined ? { accountId: body.accountId } : { accountId: body.accountId, characterId: body.characterId };
  const { result, replayed } = await purchaseOffer(ctx.client, {
    rules: ctx.rules,
    actor:
      body.characterId === undefined
        ? { kind: "account", accountId: body.accountId }
        : { kind: "character", accountId: body.accountId, characterId: body.characterId },
    // Scoped to the account, so two players' browsers that happen to pick the same key never collide.
    idempotencyKey: `store-service:${body.accountId}:${key}`,
    ...buyer,
    offerId: body.offerId,
    currency: body.currency,
    price: BigInt(body.price),
  });
  return { status: replayed ? 200 : 201, body: { replayed, purchase: result } };
}
