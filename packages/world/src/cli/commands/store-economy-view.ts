// Helpers shared by the store economy commands (store preview, set-price, restock, rate set, tx,
// catalog; vip set; ledger show --store): option parsing and one-line views.
import type { OfferPreview, StoreTransactionRecord } from "@bezgelor/db";
import { parseWholeNumber } from "../whole-number";

/** A whole number in min..max. Throws WorldError USAGE. */
export function parseWhole(name: string, value: string, min: number, max: number): number {
  return parseWholeNumber(name, value, min, max);
}

/** The version an admin edit names (`--expected-version`, from `store offer show` or the last edit's output). */
export const parseVersion = (value: string, min = 1): number => parseWhole("expected-version", value, min, 2147483647);

/** The price breakdown, one step per line: base, demand per unit, exchange, each discount and its source, VIP, owned parts, final. */
export function previewLines(p: OfferPreview): string {
  const lines = [
    `offer ${p.offerId}: ${p.quantity} unit(s) in ${p.currency}${p.available ? "" : " (UNAVAILABLE)"}; stock ${p.stock ?? "unlimited"}, sold ${p.sold}`,
    `  base:      ${p.basePrice} ${p.sourceCurrency}`,
  ];
  if (p.exchange)
    lines.push(
      `  exchange:  1 ${p.exchange.from} = ${p.exchange.numerator}/${p.exchange.denominator} ${p.exchange.to} (rate version ${p.exchange.version}), rounded up`,
    );
  for (const d of p.discounts) {
    const source = d.source.kind === "promotion" ? `promotion ${d.source.promotionId} (${d.source.name})` : `daily deal ${d.source.date}`;
    lines.push(`  discount:  ${d.percent} % from ${source}${d === p.applied ? " [applied]" : " [not applied: the best single one applies]"}`);
  }
  if (p.vip) lines.push(`  VIP:       tier ${p.vip.tier} (${p.vip.name}) ${p.vip.percent} % after the discount`);
  const share = p.ownedShare;
  if (share)
    lines.push(
      `  owned:     ${share.owned.length} part(s) owned already, not charged: ${share.ownedWorth}/${share.totalWorth} of the price ` +
        `(${share.weighting === "list-price" ? "by the parts' list prices" : "each part alike: some part has no list price"}), rounded down`,
    );
  for (const u of p.units) {
    lines.push(
      `  unit #${u.place}: demand ${u.demandPrice} ${p.sourceCurrency} -> ${u.converted} ${p.currency} - ${u.promotionDiscount} discount - ${u.vipDiscount} VIP` +
        (share ? ` - ${u.ownedDiscount} owned` : "") +
        ` = ${u.price}`,
    );
  }
  lines.push(`  final:     ${p.finalPrice} ${p.currency}`);
  if (p.alreadyOwned.length > 0)
    lines.push(`  owned already (not granted again): ${p.alreadyOwned.length} part(s)${p.grants.length === 0 ? "; buying is refused" : ""}`);
  return lines.join("\n");
}

/** "tx-1  2026-12-01T...  committed  offer 802 x2  140 premium  1000 -> 860  ledger #12". */
export function transactionLine(t: StoreTransactionRecord): string {
  return [
    t.id,
    t.createdAt.toISOString(),
    t.status,
    `account ${t.accountId}${t.characterId === null ? "" : ` character ${t.characterId}`}`,
    `offer ${t.offerId} x${t.quantity}`,
    `${t.amount} ${t.currency}`,
    ...(t.balanceBefore === null ? [] : [`${t.balanceBefore} -> ${t.balanceAfter}`]),
    ...(t.ledgerEntryId === null ? [] : [`ledger #${t.ledgerEntryId}`]),
    ...(t.reason === null ? [] : [JSON.stringify(t.reason)]),
  ].join("  ");
}
