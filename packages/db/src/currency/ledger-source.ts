/** Why a balance changed, by kind; mirrors the CHECK constraint on `currency_ledger.source`. */
export const LEDGER_SOURCES = ["quest", "vendor", "store", "promo", "gm", "admin", "gift", "mail", "system", "migration", "vip"] as const;

/** One of {@link LEDGER_SOURCES}. */
export type LedgerSource = (typeof LEDGER_SOURCES)[number];
