import { getBalances } from "@bezgelor/db";
import { accountCurrenciesPacket, creditsPacket } from "../game/currency-packets";
import { enterWorldStep } from "./step";

/**
 * The character's gold (genuine ServerCombatReward with the Credits total) and every account
 * currency (genuine ServerAccountCurrencySet: NCoin, Omnibits).
 */
export const currencies = enterWorldStep({
  name: "currencies",
  load: ({ services, accountId, characterId }) => getBalances(services.db, { accountId, characterId }),
  send({ session }, balances) {
    session.deliver(creditsPacket(balances.gold ?? 0n));
    session.deliver(accountCurrenciesPacket(balances));
  },
});
