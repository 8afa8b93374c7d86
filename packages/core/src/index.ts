/**
 * `@bezgelor/core`: pure game rules. Takes `@bezgelor/data` tables as arguments, does no I/O and
 * never logs. Rule outcomes are tagged results; only misuse throws a {@link CoreError}.
 * @packageDocumentation
 */
export { CORE_ERROR_CODE, CoreError, type CoreErrorCode } from "./errors";
export type { Ok, Refused } from "./result";

export { MAX_CHARACTERS_PER_ACCOUNT } from "./characters/limits";

export { clampStanding, reputationLevel, reputationLevelByName } from "./reputation/standing";
export { applyStandingChange, type StandingChange } from "./reputation/change";
export { canBuy, canInteract, discountedPrice, vendorDiscountPercent } from "./reputation/permissions";
export { meetsRequirement } from "./reputation/requirement";

export {
  VENDOR_REFUSAL,
  openVendor,
  quoteVendorItem,
  type OpenVendorResult,
  type PricedVendorItem,
  type VendorQuoteResult,
  type VendorRefusalReason,
  type VendorReputationRefusal,
} from "./vendors/open-vendor";

export {
  TITLE_TRIGGER_TYPE,
  type AccountTitleState,
  type EventParticipation,
  type TitleTrigger,
  type TitleTriggerType,
} from "./titles/state";
export {
  TITLE_REQUIREMENT_REASON,
  meetsTitleRequirements,
  type TitleRequirementReason,
  type TitleRequirementResult,
} from "./titles/requirements";
export { titleUnlocksFor } from "./titles/unlocks";
export { selectActiveTitle, titleExpiresAt, type SelectActiveTitleResult } from "./titles/active";
