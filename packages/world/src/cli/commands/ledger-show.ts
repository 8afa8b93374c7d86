import { getAccountByEmail, listLedger, MAX_LEDGER_PAGE, type LedgerRecord } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";
import { characterOf, parseCurrency } from "../currency-change";

function parseCount(name: string, value: string): number {
  if (!/^\d{1,9}$/.test(value)) throw new WorldError("USAGE", `--${name} must be a whole number, got ${value}`);
  return Number(value);
}

const entryLine = (e: LedgerRecord) =>
  [
    `#${e.id}`,
    e.createdAt.toISOString(),
    e.currency + (e.characterId === null ? "" : `(character ${e.characterId})`),
    `${e.delta > 0n ? "+" : ""}${e.delta}`,
    `${e.balanceBefore} -> ${e.balanceAfter}`,
    e.source,
    JSON.stringify(e.reason),
    e.actor,
    ...(e.idempotencyKey === null ? [] : [`key ${e.idempotencyKey}`]),
  ].join("  ");

export const ledgerShow = defineCommand({
  path: ["ledger", "show"],
  role: "gm",
  summary: "list an account's (or one character's) ledger entries, newest first",
  options: {
    email: { type: "string", description: "the account's login email", required: true },
    character: { type: "string", description: "only this character's entries (its gold)" },
    currency: { type: "string", description: "only gold, premium or bonus" },
    limit: { type: "string", description: `entries to show, 1 to ${MAX_LEDGER_PAGE}`, default: "50" },
    offset: { type: "string", description: "newest entries to skip", default: "0" },
  },
  printsData: true,
  async run(ctx, o) {
    const limit = parseCount("limit", str(o, "limit"));
    const offset = parseCount("offset", str(o, "offset"));
    const currency = typeof o.currency === "string" ? parseCurrency(o.currency) : undefined;
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = typeof o.character === "string" ? await characterOf(client, account, o.character) : undefined;
    const entries = await listLedger(client, { accountId: account.id, characterId: character?.id, currency, limit, offset });
    ctx.print(entries, (es: LedgerRecord[]) => (es.length === 0 ? "no ledger entries" : es.map(entryLine).join("\n")));
  },
});
