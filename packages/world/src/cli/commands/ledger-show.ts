import { getAccountByEmail, getLedger, listLedger, MAX_LEDGER_PAGE, MAX_STORE_LEDGER_PAGE, type LedgerRecord, type StoreTransactionRecord } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { parseWholeNumber } from "../whole-number";
import { defineCommand, str } from "../command";
import { characterOf, parseCurrency } from "../currency-change";
import { transactionLine } from "./store-economy-view";

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
  summary: "list an account's (or one character's) ledger entries, newest first; with --store its store transactions (everyone's without --email)",
  options: {
    email: { type: "string", description: "the account's login email (required without --store)" },
    store: { type: "boolean", description: "list store transactions (getLedger) instead of currency entries" },
    character: { type: "string", description: "only this character's entries (its gold)" },
    currency: { type: "string", description: "only gold, premium or bonus" },
    limit: { type: "string", description: `entries to show, 1 to ${MAX_LEDGER_PAGE} (with --store 1 to ${MAX_STORE_LEDGER_PAGE})`, default: "50" },
    offset: { type: "string", description: "newest entries to skip", default: "0" },
  },
  printsData: true,
  async run(ctx, o) {
    // The page bounds listLedger and getLedger take, so a bad --limit is one line naming the option.
    const limit = parseWholeNumber("limit", str(o, "limit"), 1, o.store === true ? MAX_STORE_LEDGER_PAGE : MAX_LEDGER_PAGE);
    const offset = parseWholeNumber("offset", str(o, "offset"), 0, 999_999_999);
    const currency = typeof o.currency === "string" ? parseCurrency(o.currency) : undefined;
    const { client } = await ctx.openDatabase();
    if (o.store === true) {
      const account = typeof o.email === "string" ? await getAccountByEmail(client, { email: o.email }) : undefined;
      const txs = await getLedger(client, { ...(account ? { accountId: account.id } : {}), limit, offset });
      ctx.print(txs, (ts: StoreTransactionRecord[]) => (ts.length === 0 ? "no store transactions" : ts.map(transactionLine).join("\n")));
      return;
    }
    if (typeof o.email !== "string") throw new WorldError("USAGE", "--email is required (or --store for store transactions)");
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = typeof o.character === "string" ? await characterOf(client, account, o.character) : undefined;
    const entries = await listLedger(client, { accountId: account.id, characterId: character?.id, currency, limit, offset });
    ctx.print(entries, (es: LedgerRecord[]) => (es.length === 0 ? "no ledger entries" : es.map(entryLine).join("\n")));
  },
});
