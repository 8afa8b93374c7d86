import { randomUUID } from "node:crypto";
import { MAX_STORE_QUANTITY } from "@bezgelor/data";
import { getAccountByEmail, purchaseOffer } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";
import { characterOf, cliActor, retryCommand } from "../currency-change";
import { parseIdempotencyKey } from "../text-option";
import { sendWithKey } from "../unknown-outcome";
import { parseWhole } from "./store-economy-view";
import { parseId, parseMoney, parseStoreCurrency } from "./store-options";
import { opt } from "./store-view";

export const storeBuy = defineCommand({
  path: ["store", "buy"],
  role: "admin",
  summary:
    "buy an offer for an account (and character), or --gift-to a friend, at the --price shown; idempotent with --key (exit 6 when the price changed or it is owned)",
  options: {
    email: { type: "string", description: "the buyer's login email", required: true },
    character: { type: "string", description: "the buying character (needed for gold, items, gifts)" },
    offer: { type: "string", description: "offer id", required: true },
    quantity: { type: "string", description: "units (offers that sell several at once)", default: "1" },
    currency: { type: "string", description: "premium|bonus|gold", required: true },
    price: { type: "string", description: "the total you were shown (store preview; refused if it is not the current price)", required: true },
    "gift-to": { type: "string", description: "a friend's character name: buy it as a gift" },
    note: { type: "string", description: "gift note (only with --gift-to)" },
    key: { type: "string", description: "idempotency key (generated and printed when omitted)" },
  },
  printsData: true,
  async run(ctx, o) {
    const offerId = parseId("offer", str(o, "offer"));
    const currency = parseStoreCurrency(str(o, "currency"));
    const price = parseMoney("price", str(o, "price"));
    const quantity = parseWhole("quantity", str(o, "quantity"), 1, MAX_STORE_QUANTITY);
    const givenKey = opt(o, "key");
    if (givenKey !== undefined) parseIdempotencyKey(givenKey);
    // A note is the gift's card: without a gift it would be dropped unseen, so say so instead.
    if (opt(o, "note") !== undefined && opt(o, "gift-to") === undefined)
      throw new WorldError("USAGE", "--note goes with --gift-to (a gift's note); drop it or add --gift-to");
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const name = opt(o, "character");
    const character = name === undefined ? undefined : await characterOf(client, account, name);
    const key = givenKey ?? `store-${randomUUID()}`;
    const giftTo = opt(o, "gift-to");
    const change = { what: "purchase", key, generated: givenKey === undefined, retry: retryCommand({ path: ["store", "buy"], options: o }, key) };
    const outcome = await sendWithKey(ctx, change, async () =>
      purchaseOffer(client, {
        rules: await ctx.loadRules(),
        actor: cliActor(),
        idempotencyKey: key,
        accountId: account.id,
        characterId: character?.id ?? null,
        offerId,
        quantity,
        currency,
        price,
        ...(giftTo === undefined ? {} : { gift: { to: { name: giftTo }, note: opt(o, "note") ?? "" } }),
      }),
    );
    const view = { ...outcome.result, key, replayed: outcome.replayed };
    ctx.print(
      view,
      (v: typeof view) =>
        `${v.replayed ? "already bought" : "bought"} ${v.quantity > 1 ? `${v.quantity} of ` : ""}offer ${v.offerId} for ${v.amountPaid} ${v.currency}` +
        (v.discountSource ? ` (${v.discountPercent} % off: ${v.discountSource})` : "") +
        (v.recipientCharacterId !== null ? `, sent as a gift (mail ${v.mailId})` : "") +
        (v.alreadyOwned.length > 0
          ? `; ${v.alreadyOwned.length} part(s) owned already, not granted again nor charged (${v.ownedPartsDiscount} ${v.currency} off)`
          : "") +
        ` (purchase ${v.purchaseId}, transaction ${v.transactionId})`,
    );
  },
});
