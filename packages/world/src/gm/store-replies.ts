// Shared by the store chat commands (!store, !buy, !inventory, !ledger, !store_restock,
// !store_setprice): argument parsing and replies that fit one chat line.
import { STORE_CURRENCY, type StoreCurrency } from "@bezgelor/data";
import { WorldError } from "../errors";

/** The longest reply a store command sends: one chat line the client shows whole. */
export const MAX_STORE_REPLY = 480;

/** Joins parts with " | " and cuts the line to {@link MAX_STORE_REPLY} characters, marking the cut. */
export function chatLine(parts: readonly string[]): string {
  const line = parts.join(" | ");
  return line.length <= MAX_STORE_REPLY ? line : `${line.slice(0, MAX_STORE_REPLY - 3)}...`;
}

/** premium, bonus or gold; refuses anything else with the usage. */
export function currencyArg(value: string, usage: string): StoreCurrency {
  if (!(STORE_CURRENCY as readonly string[]).includes(value)) {
    throw new WorldError("INVALID_INPUT", `currency must be one of ${STORE_CURRENCY.join(", ")}; usage: ${usage}`);
  }
  return value as StoreCurrency;
}
