import { getLedger } from "@bezgelor/db";
import { intArg } from "../args";
import { callerIds, gmCommand } from "../command";
import { chatLine } from "../store-replies";

/** `!ledger [limit]`: the caller's account's latest store transactions (5 by default, at most 20), newest first. */
export const ledger = gmCommand({
  name: "ledger",
  role: "player",
  usage: "!ledger [limit]",
  summary: "your latest store transactions",
  maxArgs: 1,
  async run(ctx, args) {
    const limit = args[0] === undefined ? 5 : intArg(args[0], "limit", this.usage, { min: 1, max: 20 });
    const txs = await getLedger(ctx.services.db, { accountId: callerIds(ctx).accountId, limit });
    if (txs.length === 0) return "no store transactions";
    return chatLine(
      txs.map(
        (t) => `${t.createdAt.toISOString().slice(0, 16)} ${t.status} offer ${t.offerId} x${t.quantity} ${t.amount} ${t.currency} (${t.id.slice(0, 12)})`,
      ),
    );
  },
});
