import type { ExchangeRate } from "@bezgelor/core";
import { setExchangeRate, type Edited } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";
import { cliActor } from "../currency-change";
import { parseVersion } from "./store-economy-view";
import { parseMoney, parseStoreCurrency } from "./store-options";

export const storeRateSet = defineCommand({
  path: ["store", "rate", "set"],
  role: "admin",
  summary:
    "set the rate an offer priced in --from is sold at in --to (1 from = numerator/denominator to, rounded up), at the version you saw (0: new); the rate it already has changes nothing and keeps the version",
  options: {
    from: { type: "string", description: "premium|bonus|gold", required: true },
    to: { type: "string", description: "premium|bonus|gold", required: true },
    numerator: { type: "string", description: "positive whole number", required: true },
    denominator: { type: "string", description: "positive whole number", default: "1" },
    "expected-version": { type: "string", description: "the rate's version you saw (0 when it does not exist yet)", required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const from = parseStoreCurrency(str(o, "from"));
    const to = parseStoreCurrency(str(o, "to"));
    if (from === to) throw new WorldError("USAGE", `--to must be another currency than --from (both ${from})`);
    const { client } = await ctx.openDatabase();
    const { result } = await setExchangeRate(client, {
      rules: await ctx.loadRules(),
      actor: cliActor(),
      from,
      to,
      numerator: parseMoney("numerator", str(o, "numerator")),
      denominator: parseMoney("denominator", str(o, "denominator")),
      expectedVersion: parseVersion(str(o, "expected-version"), 0),
    });
    ctx.print(result, (r: Edited<ExchangeRate>) =>
      [
        `1 ${r.from} = ${r.numerator}/${r.denominator} ${r.to}  version ${r.version}`,
        ...(r.changed ? [] : ["unchanged: the rate already was so (version kept, no edit logged)"]),
      ].join("\n"),
    );
  },
});
