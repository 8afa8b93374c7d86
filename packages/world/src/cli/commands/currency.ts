import { getAccountByEmail, getBalances } from "@bezgelor/db";
import { defineCommand, str, type OptionValues } from "../command";
import { changeCurrencyFromCli, characterOf, describeChange, parseAmount, parseCurrency, type CurrencyChangeView } from "../currency-change";

const changeOptions = {
  email: { type: "string", description: "the account's login email", required: true },
  character: { type: "string", description: "character name (gold belongs to a character)" },
  currency: { type: "string", description: "gold|premium|bonus (premium is NCoin, bonus Omnibits)", required: true },
  amount: { type: "string", description: "positive whole amount, in the currency's smallest unit", required: true },
  reason: { type: "string", description: "ledger reason (1 to 64 characters)", required: true },
  key: { type: "string", description: "idempotency key; a retry with the same key changes nothing twice (generated and printed if omitted)" },
} as const;

function changeCommand(direction: "grant" | "deduct") {
  return defineCommand({
    path: ["currency", direction],
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

export const currencyGrant = changeCommand("grant");
export const currencyDeduct = changeCommand("deduct");

interface BalancesView {
  accountId: number;
  email: string;
  premium: bigint;
  bonus: bigint;
  characterId: number | null;
  character: string | null;
  gold: bigint | null;
}

export const currencyShow = defineCommand({
  path: ["currency", "show"],
  summary: "show an account's premium and bonus, and a character's gold",
  options: {
    email: { type: "string", description: "the account's login email", required: true },
    character: { type: "string", description: "character name, for its gold" },
  },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = typeof o.character === "string" ? await characterOf(client, account, o.character) : undefined;
    const b = await getBalances(client, { accountId: account.id, characterId: character?.id });
    const view: BalancesView = { accountId: account.id, email: account.email, premium: b.premium, bonus: b.bonus, characterId: b.characterId, character: character?.name ?? null, gold: b.gold };
    ctx.print(view, (v: BalancesView) =>
      [`${v.email}: premium (NCoin) ${v.premium}, bonus (Omnibits) ${v.bonus}`, ...(v.character === null ? [] : [`${v.character}: gold ${v.gold}`])].join("\n"),
    );
  },
});
