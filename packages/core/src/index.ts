/**
 * `@bezgelor/core`: pure game rules. Takes `@bezgelor/data` tables as arguments, does no I/O and
 * never logs. Rule outcomes are tagged results; only misuse throws a {@link CoreError}.
 * @packageDocumentation
 */
export { CORE_ERROR_CODE, CoreError, type CoreErrorCode } from "./errors";
export type { Ok, Refused } from "./result";

export { MAX_CHARACTERS_PER_ACCOUNT } from "./characters/limits";
export { characterLevelForXp, levelAfterXp } from "./characters/level";
export { CHARACTER_CREATION_REFUSAL, checkCharacterCreation, type CharacterChoice, type CharacterCreationDecision } from "./characters/creation";

export {
  DAMAGE_LEVEL_FACTOR_BOUNDS,
  DAMAGE_PER_LEVEL_DIFFERENCE,
  MIN_DAMAGE,
  applyDamage,
  basicAttackDamage,
  levelDifferenceFactor,
  type HealthChange,
} from "./combat/damage";
export {
  COOLDOWN_REFUSAL,
  NO_COOLDOWNS,
  checkCooldowns,
  startCooldowns,
  type CooldownRefusalReason,
  type CooldownSpell,
  type Cooldowns,
} from "./combat/cooldown";
export { ATTACK_REFUSAL, COMBAT_TIMEOUT_SECONDS, checkAttack, combatTimedOut, respawnDue, type AttackRefusalReason } from "./combat/attack";

export { chatTextProblem } from "./chat/chat-rules";
export { unshownCharacter } from "./text/unshown-characters";

export { clampStanding, reputationLevel, reputationLevelByName, standingBounds } from "./reputation/standing";
export { applyStandingChange, levelChange, type LevelChange, type StandingChange } from "./reputation/change";
export { pathLevelRewards, pathRewardLevels, reputationDeltas, type ReputationDelta } from "./reputation/rewards";
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
export { MAX_VENDOR_PURCHASE_QUANTITY, MIN_VENDOR_PURCHASE_QUANTITY, checkVendorQuantity, type VendorQuantityRefusal } from "./vendors/purchase-quantity";

export { TITLE_TRIGGER_TYPE, type AccountTitleState, type EventParticipation, type TitleTrigger, type TitleTriggerType } from "./titles/state";
export { TITLE_REQUIREMENT_REASON, meetsTitleRequirements, type TitleRequirementReason, type TitleRequirementResult } from "./titles/requirements";
export { titleUnlocksFor } from "./titles/unlocks";
export { selectActiveTitle, titleExpiresAt, type SelectActiveTitleResult } from "./titles/active";

export {
  FRIENDSHIP_RESPONSE,
  FRIENDSHIP_RESULT,
  FRIENDSHIP_TYPE,
  REQUESTABLE_FRIENDSHIP_TYPES,
  STORED_FRIENDSHIP_TYPES,
  type FriendshipResponse,
  type FriendshipResult,
  type FriendshipType,
  type RequestableFriendshipType,
  type StoredFriendshipType,
} from "./friends/friendship-codes";
export {
  FRIENDSHIP_REFUSAL,
  MAX_FRIENDSHIP_NOTE_LENGTH,
  combineFriendshipTypes,
  decideFriendshipAdd,
  decideInviteResponse,
  friendInviteExpiresAt,
  inviteResponseEffect,
  isFriendType,
  isRivalType,
  isValidFriendshipNote,
  removeFriendshipType,
  type FriendshipAddDecision,
  type FriendshipAddEffect,
  type FriendshipAddState,
  type FriendshipCounts,
  type FriendshipLimits,
  type FriendshipRefusalReason,
  type InviteResponseDecision,
  type InviteResponseEffect,
} from "./friends/friendship-rules";

export {
  MAIL_CONTENT_TYPE,
  MAIL_FLAG,
  MAIL_FLAGS_MASK,
  MAIL_GENERIC_ERROR,
  MAIL_LIMITS,
  MAIL_SENDER_TYPE,
  type MailContentType,
  type MailGenericError,
  type MailSenderType,
} from "./mail/mail-codes";
export {
  MAIL_REFUSAL,
  canReturnMail,
  checkMailSend,
  isValidMailText,
  mailTextProblem,
  mailExpiresAt,
  mailExpiryOutcome,
  type MailExpiryState,
  type MailRefusalReason,
  type MailSendDecision,
  type MailSendRequest,
} from "./mail/mail-rules";
export { checkMailStacks, isMailStack, type MailStack, type MailStacksDecision } from "./mail/mail-stacks";

export {
  PRICE_REFUSAL,
  describeDiscountSource,
  discountAmount,
  isPromotionActive,
  priceOffer,
  utcDate,
  type DiscountSource,
  type OfferPrice,
  type PriceDiscount,
  type PriceOfferInput,
  type PriceOfferResult,
  type PriceableOffer,
  type PromotionScope,
  type StoreDailyDeal,
  type StorePromotion,
  type UnitPrice,
} from "./store/price-offer";
export { MAX_DISCOUNT_PERCENT, MIN_DISCOUNT_PERCENT, ZERO_DISCOUNT_MESSAGE } from "./store/discount-percent";
export { demandUnitPrice } from "./store/demand";
export { convertAmount, type ExchangeRate } from "./store/exchange";
export { vipPercentFor, vipTierFor, vipTiersUpTo } from "./store/vip";
export { purchaseLimitWindowStart } from "./store/purchase-limit";
export { storeCatalogTextProblem, type StoreCatalogTextProblem } from "./store/catalog-text";
export { isGrantOwned, planGrants, type GrantPlan, type StoreOwnership } from "./store/ownership";
export {
  listPricesOfParts,
  ownedPartsDiscount,
  ownedShareOf,
  type BundleOwnership,
  type OwnedShare,
  type PartListPrice,
  type PartSource,
} from "./store/bundle-parts";

export { PET_CUSTOMIZE_RESULT, PET_TYPE, type FlairRefusalReason, type PetCustomizeResultName, type PetTypeValue } from "./mounts/pet-customize-result";
export {
  FLAIR_SLOT_COUNT,
  MAX_DYE_ID,
  MOUNT_CUSTOMIZATION_REFUSAL,
  addMountUpgrade,
  emptyMountCustomization,
  mountPetType,
  mountSpeed,
  setMountDye,
  setMountFlair,
  setMountTrick,
  type MountCustomization,
  type MountCustomizationRefusal,
  type SetFlairRequest,
} from "./mounts/customization";
export { applyPetXp, petDamage, petLevelForXp, petShareOfKillXp, petXpCap, petXpProgress, type PetXpGain, type PetXpProgress } from "./pets/pet-xp";
export {
  PET_DISMISSED,
  PET_FOLLOWING,
  petAttackIntervalMs,
  petAttacksDue,
  petTransition,
  type PetAttack,
  type PetEvent,
  type PetState,
} from "./pets/pet-state";
export { petStep, type PetSituation, type PetTargetView } from "./pets/pet-step";
export { PET_NICKNAME_MAX_LENGTH, checkPetNickname } from "./pets/pet-nickname";
