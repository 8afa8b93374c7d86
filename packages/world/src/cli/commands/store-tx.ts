import { getTransaction, type StoreTransactionRecord } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { transactionLine } from "./store-economy-view";

export const storeTx = defineCommand({
  path: ["store", "tx"],
  role: "gm",
  summary: "show one store transaction by id (the purchase's idempotency key or UUID): status, amounts, balances, ledger entry, breakdown",
  options: { id: { type: "string", description: "transaction id", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const tx = await getTransaction(client, { id: str(o, "id") });
    ctx.print(
      tx,
      (t: StoreTransactionRecord) =>
        `${transactionLine(t)}\n  breakdown: ${JSON.stringify(t.breakdown, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))}`,
    );
  },
});
