// `bezgelor promo ...`: promo codes for operators (create, list, show, disable) and redeeming one
// for an account. Exit codes: 0 ok, 2 usage, 3 not found, 4 conflict (code taken, key reused),
// 5 unavailable, 6 refused (expired, used up, redeemed already, rate limited).
import { randomUUID } from "node:crypto";
import {
  createPromoCode,
  disablePromoCode,
  getAccountByEmail,
  getPromoCode,
  listPromoCodes,
  PROMO_CODE_KINDS,
  redeemPromoCode,
  type PromoCodeKind,
  type PromoCodeRecord,
} from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str, strs } from "../command";
import { characterOf, cliActor } from "../currency-change";
import { parseId, parseReward, parseTime } from "./store-options";

const json = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
const line = (p: PromoCodeRecord) =>
  `${p.code}  ${p.kind}  ${p.uses}/${p.maxUses ?? "unlimited"} used${p.disabledAt ? "  DISABLED" : ""}${p.startsAt ? `  from ${p.startsAt.toISOString()}` : ""}${p.expiresAt ? `  until ${p.expiresAt.toISOString()}` : ""}  rewards ${json(p.rewards)}`;

export const promoCreate = defineCommand({
  path: ["promo", "create"],
  role: "admin",
  summary:
    "create a promo code (compared trimmed and case-insensitively); --reward premium:N|bonus:N|gold:N|mount:ID|pet:ID|title:ID|item:ID[:COUNT]|offer:ID, repeatable",
  options: {
    code: { type: "string", description: "the code's text", required: true },
    kind: { type: "string", description: "single_use|multi_use|per_account", required: true },
    "max-uses": { type: "string", description: "total uses (multi_use: required; per_account: optional cap)" },
    reward: { type: "string", description: "a reward (see summary)", required: true, multiple: true },
    starts: { type: "string", description: "ISO 8601 time with a zone" },
    expires: { type: "string", description: "ISO 8601 time with a zone (excluded)" },
  },
  printsData: true,
  async run(ctx, o) {
    const kind = str(o, "kind");
    if (!(PROMO_CODE_KINDS as readonly string[]).includes(kind))
      throw new WorldError("USAGE", `--kind must be one of ${PROMO_CODE_KINDS.join(", ")}, got ${kind}`);
    const maxUses = typeof o["max-uses"] === "string" ? parseId("max-uses", o["max-uses"]) : undefined;
    const { client } = await ctx.openDatabase();
    const created = await createPromoCode(client, {
      code: str(o, "code"),
      kind: kind as PromoCodeKind,
      ...(maxUses === undefined ? {} : { maxUses }),
      rewards: strs(o, "reward").map(parseReward),
      ...(typeof o.starts === "string" ? { startsAt: parseTime("starts", o.starts) } : {}),
      ...(typeof o.expires === "string" ? { expiresAt: parseTime("expires", o.expires) } : {}),
    });
    ctx.print(created, (p: PromoCodeRecord) => `created ${line(p)}`);
  },
});

export const promoList = defineCommand({
  path: ["promo", "list"],
  role: "gm",
  summary: "list promo codes, newest first",
  options: {},
  printsData: true,
  async run(ctx) {
    const { client } = await ctx.openDatabase();
    ctx.print(await listPromoCodes(client), (l: PromoCodeRecord[]) => l.map(line).join("\n") || "no promo codes");
  },
});

export const promoShow = defineCommand({
  path: ["promo", "show"],
  role: "gm",
  summary: "show one promo code (exit 3 when unknown)",
  options: { code: { type: "string", description: "the code", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const promo = await getPromoCode(client, { code: str(o, "code") });
    if (!promo) throw new WorldError("NOT_FOUND", `no promo code ${str(o, "code").trim().toUpperCase()}`);
    ctx.print(promo, (p: PromoCodeRecord) => line(p));
  },
});

export const promoDisable = defineCommand({
  path: ["promo", "disable"],
  role: "admin",
  summary: "disable a promo code (redeeming it is then 'not found'); idempotent",
  options: { code: { type: "string", description: "the code", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    ctx.print(await disablePromoCode(client, { code: str(o, "code") }), (p: PromoCodeRecord) => `disabled ${line(p)}`);
  },
});

export const promoRedeem = defineCommand({
  path: ["promo", "redeem"],
  role: "admin",
  summary: "redeem a code for an account (and --character, for gold, items and character-bound rewards); idempotent with --key",
  options: {
    email: { type: "string", description: "the account's login email", required: true },
    character: { type: "string", description: "character name" },
    code: { type: "string", description: "the code", required: true },
    key: { type: "string", description: "idempotency key (generated when omitted)" },
  },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = typeof o.character === "string" ? await characterOf(client, account, o.character) : undefined;
    const key = typeof o.key === "string" ? o.key : `promo-${randomUUID()}`;
    const { result, replayed } = await redeemPromoCode(client, {
      rules: await ctx.loadRules(),
      actor: cliActor(),
      idempotencyKey: key,
      accountId: account.id,
      characterId: character?.id ?? null,
      code: str(o, "code"),
    });
    const view = { ...result, key, replayed };
    ctx.print(view, (v: typeof view) => `${v.replayed ? "already redeemed" : "redeemed"} ${v.code}: ${json(v.rewards)}`);
  },
});
