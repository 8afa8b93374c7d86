import { randomUUID } from "node:crypto";
import { getAccountByEmail, redeemPromoCode } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { characterOf, cliActor, retryCommand } from "../currency-change";
import { parseIdempotencyKey } from "../text-option";
import { sendWithKey } from "../unknown-outcome";
import { json } from "./promo-view";

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
    const givenKey = typeof o.key === "string" ? parseIdempotencyKey(o.key) : undefined;
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = typeof o.character === "string" ? await characterOf(client, account, o.character) : undefined;
    const key = givenKey ?? `promo-${randomUUID()}`;
    const change = { what: "redemption", key, generated: givenKey === undefined, retry: retryCommand({ path: ["promo", "redeem"], options: o }, key) };
    const outcome = await sendWithKey(ctx, change, async () =>
      redeemPromoCode(client, {
        rules: await ctx.loadRules(),
        actor: cliActor(),
        idempotencyKey: key,
        accountId: account.id,
        characterId: character?.id ?? null,
        code: str(o, "code"),
      }),
    );
    const view = { ...outcome.result, key, replayed: outcome.replayed };
    ctx.print(view, (v: typeof view) => `${v.replayed ? "already redeemed" : "redeemed"} ${v.code}: ${json(v.rewards)}`);
  },
});
