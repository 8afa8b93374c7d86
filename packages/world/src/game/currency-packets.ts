import { ACCOUNT_CURRENCY, CURRENCIES } from "@bezgelor/data";
import type { Balances } from "@bezgelor/db";
import { COMBAT_REWARD_STAT, ServerAccountCurrencySet, ServerCombatReward } from "@bezgelor/protocol";
import { packet, type OutgoingPacket } from "../server/outgoing";

/** The character's gold (the client's Credits) as its new total: genuine ServerCombatReward. */
export function creditsPacket(balance: bigint): OutgoingPacket {
  return packet(ServerCombatReward, { stat: COMBAT_REWARD_STAT.Credits, newValue: balance, combatRewardId: 0, targetUnitId: 0 });
}

/** Every account currency balance (NCoin, Omnibits): genuine ServerAccountCurrencySet. */
export function accountCurrenciesPacket(balances: Pick<Balances, "premium" | "bonus">): OutgoingPacket {
  return packet(ServerAccountCurrencySet, {
    accountCurrencies: ACCOUNT_CURRENCY.map((currency) => ({ accountCurrencyType: CURRENCIES[currency].wireType, amount: balances[currency] })),
  });
}
