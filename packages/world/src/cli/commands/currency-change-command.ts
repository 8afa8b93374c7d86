// `currency grant` and `currency deduct`: one command shape, two directions, the same code path.
import { MAX_REASON_LENGTH } from "@bezgelor/db";
import { defineCommand, str, type OptionValues } from "../command";
import { changeCurrencyFromCli, describeChange, parseAmount, parseCurrency, type CurrencyChangeView } from "../currency-change";

export const changeOptions = {
  email: { type: "string", description: "the account's login email", required: true },
  character: { type: "string", description: "character name (gold belongs to a character)" },
  currency: { type: "string", description: "gold|premium|bonus (premium is NCoin, bonus Omnibits)", required: true },
  amount: { type: "string", description: "positive whole amount, in the currency's smallest unit", required: true },
  reason: { type: "string", description: `ledger reason (1 to ${MAX_REASON_LENGTH} characters)`, required: true },
  key: { type: "string", description: "idempotency key; a retry with the same key changes nothing twice (generated and printed if omitted)" },
} as const;

export function changeCommand(direction: "grant" | "deduct") {
  return defineCommand({
    path: ["currency", direction],
    role: "admin",
    summary: `${direction} gold (a character's), premium or bonus (an account's), with a ledger entry; exit 5 prints a safe retry`,
    options: changeOptions,
    printsData: true,
    async run(ctx, o: OptionValues) {
      const view = await changeCurrencyFromCli(ctx, {
        direction,
        currency: parseCurrency(str(o, "currency")),
        email: str(o, "email"),
        character: typeof o.character === "string" ? o.character : undefined,
        amount: parseAmount(str(o, "amount")),
        reason: str(o, "reason"),
        key: typeof o.key === "string" ? o.key : undefined,
        command: { path: ["currency", direction], options: o },
      });
      ctx.print(view, (v: CurrencyChangeView) => describeChange(v));
    },
  });
}
