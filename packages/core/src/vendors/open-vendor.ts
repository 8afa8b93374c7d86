import type { ReputationLevel, ReputationScale, Vendor } from "@bezgelor/data";
import type { Ok, Refused } from "../result";
import { discountedPrice } from "../reputation/permissions";
import { meetsRequirement } from "../reputation/requirement";
import { reputationLevel, reputationLevelByName } from "../reputation/standing";

/** Why a vendor turns a character away. */
export const VENDOR_REFUSAL = {
  /** The character has not reached the vendor's required level; the refusal names it. */
  REPUTATION_TOO_LOW: "reputation_too_low",
  /** The faction will not even talk to the character at this level. */
  CANNOT_INTERACT: "cannot_interact",
  /** The faction does not trade with the character at this level. */
  CANNOT_BUY: "cannot_buy",
  /** The vendor does not sell the item asked for. */
  ITEM_NOT_SOLD: "item_not_sold",
} as const;

/** One of the {@link VENDOR_REFUSAL} values. */
export type VendorRefusalReason = (typeof VENDOR_REFUSAL)[keyof typeof VENDOR_REFUSAL];

/** A line of a vendor's stock as this character sees it. */
export interface PricedVendorItem {
  readonly itemId: number;
  readonly basePrice: bigint;
  /** `basePrice` after the discount, rounded up to whole gold. */
  readonly price: bigint;
}

/** A reputation refusal, naming the faction, the level required (if any) and the character's level. */
export type VendorReputationRefusal = Refused<
  Exclude<VendorRefusalReason, "item_not_sold">,
  { factionId: number; requiredLevel: ReputationLevel | null; currentLevel: ReputationLevel }
>;

/** The vendor's stock at this character's prices, or why the vendor refuses. */
export type OpenVendorResult = Ok<{ vendorId: number; discountPercent: number; items: readonly PricedVendorItem[] }> | VendorReputationRefusal;

/**
 * Open a vendor for a character. A vendor without `requiredReputation` sells to everyone at base
 * price; a gated vendor belongs to that faction: it checks the requirement, then that the level may
 * interact and buy, and discounts by the level. Missing standings count as 0.
 * @throws {CoreError} `UNKNOWN_LEVEL` when the vendor's level is not in this scale (data loaded
 *   through `@bezgelor/data` is checked against every scale, so only hand-built data can do this).
 */
export function openVendor(scale: ReputationScale, vendor: Vendor, standings: ReadonlyMap<number, number>): OpenVendorResult {
  const requirement = vendor.requiredReputation;
  let discountPercent = 0;
  if (requirement !== undefined) {
    const standing = standings.get(requirement.factionId) ?? 0;
    const currentLevel = reputationLevel(scale, standing);
    const requiredLevel = reputationLevelByName(scale, requirement.level);
    const refuse = (reason: VendorReputationRefusal["reason"]): VendorReputationRefusal => ({
      ok: false,
      reason,
      factionId: requirement.factionId,
      requiredLevel,
      currentLevel,
    });
    if (!meetsRequirement(scale, standing, requirement.level)) return refuse("reputation_too_low");
    if (!currentLevel.canInteract) return refuse("cannot_interact");
    if (!currentLevel.canBuy) return refuse("cannot_buy");
    discountPercent = currentLevel.discountPercent;
  }
  const items = vendor.items.map((line) => ({ itemId: line.itemId, basePrice: line.price, price: discountedPrice(line.price, discountPercent) }));
  return { ok: true, vendorId: vendor.id, discountPercent, items };
}

/** The price a character pays for one item of a vendor, or why they cannot buy it. */
export type VendorQuoteResult =
  | Ok<PricedVendorItem & { vendorId: number; discountPercent: number }>
  | VendorReputationRefusal
  | Refused<"item_not_sold", { vendorId: number; itemId: number }>;

/**
 * Quote one item of a vendor: {@link openVendor}'s checks, then that the vendor sells the item.
 * @throws {CoreError} as {@link openVendor}.
 */
export function quoteVendorItem(scale: ReputationScale, vendor: Vendor, standings: ReadonlyMap<number, number>, itemId: number): VendorQuoteResult {
  const opened = openVendor(scale, vendor, standings);
  if (!opened.ok) return opened;
  const line = opened.items.find((item) => item.itemId === itemId);
  if (line === undefined) return { ok: false, reason: "item_not_sold", vendorId: vendor.id, itemId };
  return { ok: true, vendorId: vendor.id, discountPercent: opened.discountPercent, ...line };
}
