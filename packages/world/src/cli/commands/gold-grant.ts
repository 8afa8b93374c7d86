import { MAX_REASON_LENGTH } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { changeCurrencyFromCli, describeChange, parseAmount, type CurrencyChangeView } from "../currency-change";

export const goldGrant = defineCommand({
  path: ["gold", "grant"],
  role: "admin",
  summary: "grant gold to a character (shorthand for currency grant --currency gold)",
  options: {
    character: { type: "string", description: "character name", required: true },
    amount: { type: "string", description: "positive whole amount of gold", required: true },
    reason: { type: "string", description: `ledger reason (1 to ${MAX_REASON_LENGTH} characters)`, default: "gm grant" },
    key: { type: "string", description: "idempotency key; a retry with the same key changes nothing twice (generated and printed if omitted)" },
  },
  printsData: true,
  async run(ctx, o) {
    const view = await changeCurrencyFromCli(ctx, {
      direction: "grant",
      currency: "gold",
      character: str(o, "character"),
      amount: parseAmount(str(o, "amount")),
      reason: str(o, "reason"),
      key: typeof o.key === "string" ? o.key : undefined,
      command: { path: ["gold", "grant"], options: o },
    });
    ctx.print(view, (v: CurrencyChangeView) => describeChange(v));
  },
});
