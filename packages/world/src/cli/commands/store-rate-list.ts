import type { ExchangeRate } from "@bezgelor/core";
import { listExchangeRates } from "@bezgelor/db";
import { defineCommand } from "../command";

export const storeRateList = defineCommand({
  path: ["store", "rate", "list"],
  role: "gm",
  summary: "list the exchange rates, each with the version `store rate set --expected-version` must name",
  options: {},
  printsData: true,
  async run(ctx) {
    const { client } = await ctx.openDatabase();
    const rates = await listExchangeRates(client);
    ctx.print(rates, (rs: ExchangeRate[]) =>
      rs.length === 0
        ? "no exchange rates (store rate set --expected-version 0 makes one)"
        : rs.map((r) => `1 ${r.from} = ${r.numerator}/${r.denominator} ${r.to}  version ${r.version}`).join("\n"),
    );
  },
});
