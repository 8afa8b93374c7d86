/**
 * The currencies the server keeps, who owns each balance, and how the client names it on the wire.
 * - gold: per character; the client's Credits, character `CurrencyType` 1, changes sent as
 *   `ServerCombatReward 0x0919` (NexusForever `Source/NexusForever.Game/Entity/CurrencyManager.cs`).
 * - premium: per account; `AccountCurrencyType` 11, which the client shows as NCoin.
 * - bonus: per account; `AccountCurrencyType` 6, Omnibits.
 * Account balances travel in `ServerAccountCurrencySet 0x0966`
 * (NexusForever `Source/NexusForever.Game.Static/Account/AccountCurrencyType.cs`).
 */
export const CURRENCY = ["gold", "premium", "bonus"] as const;

/** One of {@link CURRENCY}. */
export type Currency = (typeof CURRENCY)[number];

/** Who holds a currency's balance. */
export type CurrencyOwnerKind = "character" | "account";

/** Facts about one currency. */
export interface CurrencyDef {
  readonly owner: CurrencyOwnerKind;
  /** Character `CurrencyType` (gold) or `AccountCurrencyType` (premium, bonus) on the wire. */
  readonly wireType: number;
  /** The name players know. */
  readonly displayName: string;
}

/** Every currency's owner and wire type. */
export const CURRENCIES: Readonly<Record<Currency, CurrencyDef>> = {
  gold: { owner: "character", wireType: 1, displayName: "Credits" },
  premium: { owner: "account", wireType: 11, displayName: "NCoin" },
  bonus: { owner: "account", wireType: 6, displayName: "Omnibits" },
};

/** The currencies held per account (premium, bonus), in a fixed order. */
export const ACCOUNT_CURRENCY = CURRENCY.filter((c) => CURRENCIES[c].owner === "account") as readonly ("premium" | "bonus")[];

/** One of {@link ACCOUNT_CURRENCY}. */
export type AccountCurrency = "premium" | "bonus";
