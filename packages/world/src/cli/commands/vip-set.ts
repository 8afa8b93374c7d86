import { getAccountByEmail, setVipTier, type SetVipTierResult } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { cliActor } from "../currency-change";
import { parseWhole } from "./store-economy-view";

export const vipSet = defineCommand({
  path: ["vip", "set"],
  role: "admin",
  summary: "set an account's VIP tier (0: none; 'spend': by lifetime store spend again); a tier reached pays its one-time rewards once, ever",
  options: {
    email: { type: "string", description: "the account's login email", required: true },
    tier: { type: "string", description: "a tier id of vip-tiers.json, 0, or 'spend'", required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const tier = str(o, "tier") === "spend" ? null : parseWhole("tier", str(o, "tier"), 0, 100);
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const { result } = await setVipTier(client, { rules: await ctx.loadRules(), actor: cliActor(), accountId: account.id, tier });
    ctx.print(
      result,
      (r: SetVipTierResult) =>
        `account ${r.accountId}: VIP ${r.status.tier ? `tier ${r.status.tier.id} (${r.status.tier.name})` : "none"}` +
        `${r.status.override === null ? " by spend" : " set by an admin"}, lifetime spend ${r.status.lifetimePremiumSpend} premium` +
        (r.rewardsPaid.length > 0 ? `; paid the rewards of tier(s) ${r.rewardsPaid.join(", ")}` : ""),
    );
  },
});
