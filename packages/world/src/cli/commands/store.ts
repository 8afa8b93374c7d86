// `bezgelor store ...`: the catalog in the database (import, offers), promotions, daily deals, and
// buying without a client (operators and tests), through the same db functions and actions the
// server uses. Exit codes: 0 ok, 2 usage or an invalid catalog file, 3 not found, 4 conflict
// (idempotency key reused), 5 unavailable or outcome unknown, 6 refused (price changed, owned,
// not enough funds, not giftable, not a friend...).
import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { DataError, parseStoreCatalog, storeCatalogOf, STORE_DISPLAY_FLAG } from "@bezgelor/data";
import {
  createPromotion,
  getAccountByEmail,
  getOffer,
  importStoreCatalog,
  listDailyDeals,
  listOffers,
  listPromotions,
  purchaseOffer,
  setDailyDeal,
  setOfferAvailability,
  type StoreOfferRecord,
} from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str, type OptionValues } from "../command";
import { characterOf, cliActor, retryCommand } from "../currency-change";
import { isUnknownOutcome } from "../unknown-outcome";
import { parseBool, parseDate, parseId, parseMoney, parsePercent, parseStoreCurrency, parseTime } from "./store-options";

const opt = (o: OptionValues, name: string) => {
  const value = o[name];
  return typeof value === "string" ? value : undefined;
};

export const storeImport = defineCommand({
  path: ["store", "import"],
  role: "admin",
  summary:
    "import a store catalog (default: the game data's store-catalog.json); updates offers it created, keeps operators' (exit 2 naming file, id and field for a bad file)",
  options: { file: { type: "string", description: "a store catalog JSON file ({ categories, offers })" } },
  printsData: true,
  async run(ctx, o) {
    const rules = await ctx.loadRules();
    const file = opt(o, "file");
    let catalog;
    try {
      if (file === undefined) catalog = storeCatalogOf(rules.data);
      else {
        let raw: unknown;
        try {
          raw = JSON.parse(await readFile(file, "utf8"));
        } catch (error) {
          throw new WorldError("USAGE", `${file}: cannot read it as JSON (${(error as Error).message})`, { cause: error });
        }
        catalog = parseStoreCatalog(raw, rules.data, file);
      }
    } catch (error) {
      if (error instanceof DataError) throw new WorldError("USAGE", `${error.message}; nothing imported`, { cause: error, details: { ...error.details } });
      throw error;
    }
    const { client } = await ctx.openDatabase();
    const report = await importStoreCatalog(client, { catalog });
    ctx.print(report, (r: typeof report) =>
      [
        `offers: ${r.offers.created.length} created, ${r.offers.updated.length} updated, ${r.offers.keptOperator.length} kept (operator's: ${r.offers.keptOperator.join(", ") || "none"})`,
        `categories: ${r.categories.created.length} created, ${r.categories.updated.length} updated, ${r.categories.keptOperator.length} kept`,
      ].join("\n"),
    );
  },
});

const flagNames = (bits: number) =>
  Object.entries(STORE_DISPLAY_FLAG)
    .filter(([, bit]) => (bits & bit) !== 0)
    .map(([name]) => name);
const prices = (o: StoreOfferRecord) =>
  Object.entries(o.prices)
    .map(([c, p]) => `${p} ${c}`)
    .join(", ");
const offerLine = (o: StoreOfferRecord) =>
  `${o.id}  ${o.name}  [${o.kind}]  ${prices(o)}  ${o.available ? "available" : "UNAVAILABLE"}${o.featured ? " featured" : ""}${o.giftable ? " giftable" : ""}  (${o.origin})`;

export const storeOfferList = defineCommand({
  path: ["store", "offer", "list"],
  role: "gm",
  summary: "list every store offer with its prices and availability",
  options: {},
  printsData: true,
  async run(ctx) {
    const { client } = await ctx.openDatabase();
    ctx.print(await listOffers(client), (offers: StoreOfferRecord[]) => offers.map(offerLine).join("\n") || "no offers");
  },
});

export const storeOfferShow = defineCommand({
  path: ["store", "offer", "show"],
  role: "gm",
  summary: "show one store offer (exit 3 when unknown)",
  options: { offer: { type: "string", description: "offer id", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const offerId = parseId("offer", str(o, "offer"));
    const offer = await getOffer(client, { offerId });
    if (!offer) throw new WorldError("NOT_FOUND", `no store offer ${offerId}`);
    ctx.print(offer, (v: StoreOfferRecord) =>
      [
        offerLine(v),
        `  category ${v.categoryId}, ${v.accountWide ? "account-wide" : "for the buying character"}, display: ${flagNames(v.displayFlags).join(", ") || "none"}`,
        `  ${v.description}`,
        `  grants: ${JSON.stringify(v.grants, (_k, x: unknown) => (typeof x === "bigint" ? x.toString() : x))}`,
      ].join("\n"),
    );
  },
});

export const storeOfferSet = defineCommand({
  path: ["store", "offer", "set"],
  role: "admin",
  summary: "make an offer available or not (and featured); the offer becomes the operator's and imports leave it alone",
  options: {
    offer: { type: "string", description: "offer id", required: true },
    available: { type: "string", description: "true|false", required: true },
    featured: { type: "string", description: "true|false" },
  },
  printsData: true,
  async run(ctx, o) {
    const offerId = parseId("offer", str(o, "offer"));
    const available = parseBool("available", str(o, "available"));
    const featured = opt(o, "featured") === undefined ? undefined : parseBool("featured", str(o, "featured"));
    const { client } = await ctx.openDatabase();
    const offer = await setOfferAvailability(client, { offerId, available, ...(featured === undefined ? {} : { featured }) });
    ctx.print(offer, (v: StoreOfferRecord) => offerLine(v));
  },
});

export const storePromotionCreate = defineCommand({
  path: ["store", "promotion", "create"],
  role: "admin",
  summary: "create a promotion: --percent off everything, a --category (with its subcategories) or an --offer, from --starts until --ends (excluded)",
  options: {
    name: { type: "string", description: "name shown with the discount", required: true },
    percent: { type: "string", description: "0..100", required: true },
    starts: { type: "string", description: "ISO 8601 time with a zone (first second included)", required: true },
    ends: { type: "string", description: "ISO 8601 time with a zone (excluded)", required: true },
    category: { type: "string", description: "category id (with its subcategories)" },
    offer: { type: "string", description: "offer id" },
  },
  printsData: true,
  async run(ctx, o) {
    const category = opt(o, "category");
    const offer = opt(o, "offer");
    if (category !== undefined && offer !== undefined) throw new WorldError("USAGE", "give --category or --offer, not both");
    const scope =
      category !== undefined
        ? { kind: "category" as const, categoryId: parseId("category", category) }
        : offer !== undefined
          ? { kind: "offer" as const, offerId: parseId("offer", offer) }
          : { kind: "all" as const };
    const { client } = await ctx.openDatabase();
    const promotion = await createPromotion(client, {
      name: str(o, "name"),
      percent: parsePercent(str(o, "percent")),
      startsAt: parseTime("starts", str(o, "starts")),
      endsAt: parseTime("ends", str(o, "ends")),
      scope,
    });
    ctx.print(
      promotion,
      (p: typeof promotion) =>
        `promotion ${p.id} "${p.name}": ${p.percent} % off ${p.scope.kind} from ${p.startsAt.toISOString()} until ${p.endsAt.toISOString()}`,
    );
  },
});

export const storePromotionList = defineCommand({
  path: ["store", "promotion", "list"],
  role: "gm",
  summary: "list promotions (--active: only those in force now)",
  options: { active: { type: "boolean", description: "only promotions active now" } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const list = await listPromotions(client, o.active === true ? { activeAt: new Date() } : {});
    ctx.print(
      list,
      (l: typeof list) =>
        l.map((p) => `${p.id}  ${p.name}  ${p.percent} %  ${JSON.stringify(p.scope)}  ${p.startsAt.toISOString()} .. ${p.endsAt.toISOString()}`).join("\n") ||
        "no promotions",
    );
  },
});

export const storeDealSet = defineCommand({
  path: ["store", "deal", "set"],
  role: "admin",
  summary: "set the daily deal of a UTC date (one per date; setting it again replaces it)",
  options: {
    date: { type: "string", description: "UTC date YYYY-MM-DD", required: true },
    offer: { type: "string", description: "offer id", required: true },
    percent: { type: "string", description: "0..100", required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const deal = await setDailyDeal(client, {
      date: parseDate(str(o, "date")),
      offerId: parseId("offer", str(o, "offer")),
      percent: parsePercent(str(o, "percent")),
    });
    ctx.print(deal, (d: typeof deal) => `daily deal ${d.date}: offer ${d.offerId} at ${d.percent} % off`);
  },
});

export const storeDealList = defineCommand({
  path: ["store", "deal", "list"],
  role: "gm",
  summary: "list daily deals (from --from, a UTC date)",
  options: { from: { type: "string", description: "UTC date YYYY-MM-DD" } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const from = opt(o, "from");
    const deals = await listDailyDeals(client, from === undefined ? {} : { from: parseDate(from) });
    ctx.print(deals, (l: typeof deals) => l.map((d) => `${d.date}  offer ${d.offerId}  ${d.percent} %`).join("\n") || "no daily deals");
  },
});

export const storeBuy = defineCommand({
  path: ["store", "buy"],
  role: "admin",
  summary:
    "buy an offer for an account (and character), or --gift-to a friend, at the --price shown; idempotent with --key (exit 6 when the price changed or it is owned)",
  options: {
    email: { type: "string", description: "the buyer's login email", required: true },
    character: { type: "string", description: "the buying character (needed for gold, items, gifts)" },
    offer: { type: "string", description: "offer id", required: true },
    currency: { type: "string", description: "premium|bonus|gold", required: true },
    price: { type: "string", description: "the price you were shown (refused if it is not the current price)", required: true },
    "gift-to": { type: "string", description: "a friend's character name: buy it as a gift" },
    note: { type: "string", description: "gift note" },
    key: { type: "string", description: "idempotency key (generated and printed when omitted)" },
  },
  printsData: true,
  async run(ctx, o) {
    const offerId = parseId("offer", str(o, "offer"));
    const currency = parseStoreCurrency(str(o, "currency"));
    const price = parseMoney("price", str(o, "price"));
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const name = opt(o, "character");
    const character = name === undefined ? undefined : await characterOf(client, account, name);
    const key = opt(o, "key") ?? `store-${randomUUID()}`;
    const retry = retryCommand({ path: ["store", "buy"], options: o }, key);
    if (opt(o, "key") === undefined) ctx.notice(`idempotency key ${key} (to retry this purchase safely: ${retry})`);
    const giftTo = opt(o, "gift-to");
    let outcome;
    try {
      outcome = await purchaseOffer(client, {
        rules: await ctx.loadRules(),
        actor: cliActor(),
        idempotencyKey: key,
        accountId: account.id,
        characterId: character?.id ?? null,
        offerId,
        currency,
        price,
        ...(giftTo === undefined ? {} : { gift: { to: { name: giftTo }, note: opt(o, "note") ?? "" } }),
      });
    } catch (error) {
      if (!isUnknownOutcome(error)) throw error;
      ctx.notice(`retry safely (applied at most once): ${retry}`);
      throw new WorldError(
        "OUTCOME_UNKNOWN",
        `the outcome is unknown: the purchase was sent but no answer came back; retrying with --key ${key} applies it at most once`,
        {
          cause: error,
          details: { key, retry },
        },
      );
    }
    const view = { ...outcome.result, key, replayed: outcome.replayed };
    ctx.print(
      view,
      (v: typeof view) =>
        `${v.replayed ? "already bought" : "bought"} offer ${v.offerId} for ${v.amountPaid} ${v.currency}` +
        (v.discountSource ? ` (${v.discountPercent} % off: ${v.discountSource})` : "") +
        (v.recipientCharacterId !== null ? `, sent as a gift (mail ${v.mailId})` : "") +
        (v.alreadyOwned.length > 0 ? `; ${v.alreadyOwned.length} part(s) owned already, not granted again` : "") +
        ` (purchase ${v.purchaseId}, key ${v.key})`,
    );
  },
});
