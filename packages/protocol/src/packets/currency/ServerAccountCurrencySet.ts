import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * `accountCurrencyType` values of {@link ServerAccountCurrencySet} this project uses. The client
 * shows type 11 as NCoin, the premium currency (NexusForever's `Game.Static/Account/AccountCurrencyType.cs`
 * calls 11 `Protobuck` and 7 `NCoin`; the storefront's currency field, 11 << 7 = 1408, is the one
 * its comments call NCoin), and type 6 as Omnibits, the bonus currency.
 */
export const ACCOUNT_CURRENCY_TYPE = {
  Omnibits: 6,
  NCoin: 11,
} as const;

/**
 * Every account currency balance of the account (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerAccountCurrencySet.cs`, entries
 * `Model/Shared/AccountCurrency.cs`; sent by `Game/Account/Currency/AccountCurrencyManager.cs` on
 * entering the world and with the character list): u32 count, then per currency
 * `accountCurrencyType` 5 bits ({@link ACCOUNT_CURRENCY_TYPE}) and `amount` u64, the balance.
 */
export const ServerAccountCurrencySet = definePacket({
  name: "ServerAccountCurrencySet",
  opcode: 0x0966,
  origin: "genuine",
  direction: "server",
  fields: {
    accountCurrencies: t.array(t.u32, t.struct({ accountCurrencyType: t.uint(5), amount: t.u64 }), { max: 32 }),
  },
});
