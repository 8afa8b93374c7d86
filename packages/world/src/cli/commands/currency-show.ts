import { getAccountByEmail, getBalances } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { characterOf } from "../currency-change";

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
  role: "gm",
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
    const view: BalancesView = {
      accountId: account.id,
      email: account.email,
      premium: b.premium,
      bonus: b.bonus,
      characterId: b.characterId,
      character: character?.name ?? null,
      gold: b.gold,
    };
    ctx.print(view, (v: BalancesView) =>
      [`${v.email}: premium (NCoin) ${v.premium}, bonus (Omnibits) ${v.bonus}`, ...(v.character === null ? [] : [`${v.character}: gold ${v.gold}`])].join("\n"),
    );
  },
});
