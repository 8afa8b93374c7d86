import { createPromoCode, PROMO_CODE_KINDS, type PromoCodeKind, type PromoCodeRecord } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str, strs } from "../command";
import { parseId, parseReward, parseTime } from "./store-options";
import { promoLine } from "./promo-view";

export const promoCreate = defineCommand({
  path: ["promo", "create"],
  role: "admin",
  summary:
    "create a promo code (compared trimmed and case-insensitively); --reward premium:N|bonus:N|gold:N|mount:ID|pet:ID|vanity_pet:ID|title:ID|item:ID[:COUNT]|offer:ID, repeatable",
  options: {
    code: { type: "string", description: "the code's text", required: true },
    kind: { type: "string", description: "single_use|multi_use|per_account (see below)", required: true },
    "max-uses": { type: "string", description: "total uses (multi_use: required; per_account: optional cap)" },
    reward: { type: "string", description: "a reward (see summary)", required: true, multiple: true },
    starts: { type: "string", description: "ISO 8601 time with a zone" },
    expires: { type: "string", description: "ISO 8601 time with a zone (excluded)" },
  },
  // What redeemPromoCode enforces: whatever the kind, an account redeems a code at most once.
  notes: [
    "Kinds (an account redeems a code at most once, whatever its kind):",
    "  single_use   one redemption in total, by the first account (--max-uses, if given, must be 1)",
    "  multi_use    up to --max-uses redemptions in total, each by a different account (--max-uses required)",
    "  per_account  once by every account, with no total limit unless --max-uses caps it",
  ],
  printsData: true,
  async run(ctx, o) {
    const kind = str(o, "kind");
    if (!(PROMO_CODE_KINDS as readonly string[]).includes(kind))
      throw new WorldError("USAGE", `--kind must be one of ${PROMO_CODE_KINDS.join(", ")}, got ${kind}`);
    const maxUses = typeof o["max-uses"] === "string" ? parseId("max-uses", o["max-uses"]) : undefined;
    const rules = await ctx.loadRules();
    const { client } = await ctx.openDatabase();
    const created = await createPromoCode(
      client,
      {
        code: str(o, "code"),
        kind: kind as PromoCodeKind,
        ...(maxUses === undefined ? {} : { maxUses }),
        rewards: strs(o, "reward").map(parseReward),
        ...(typeof o.starts === "string" ? { startsAt: parseTime("starts", o.starts) } : {}),
        ...(typeof o.expires === "string" ? { expiresAt: parseTime("expires", o.expires) } : {}),
      },
      { rules },
    );
    ctx.print(created, (p: PromoCodeRecord) => `created ${promoLine(p)}`);
  },
});
