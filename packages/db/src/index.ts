// @bezgelor/db: the public API. Everything not exported here is internal.

// Opening, configuration, migrations
export { DbConfigSchema, DEFAULT_LOCK_WAIT_SECONDS, DEFAULT_SESSION_KEY_LIFETIME_SECONDS, type DbConfig, type DbConfigInput } from "./config.js";
export { openDatabase, type OpenDatabaseOptions } from "./open/open-database.js";
export { ensureDataDirectory } from "./open/data-directory.js";
export { DATABASE_KINDS, type Database, type DatabaseKind, type Listen } from "./open/database.js";
export {
  markMigrationRolledBack,
  migrateDatabase,
  type MarkMigrationRolledBackOptions,
  type MigrateDatabaseOptions,
  type MigrationProgress,
  type MigrationReport,
  type MigrationTarget,
} from "./migrate/migrate-database.js";
export { pgliteExecutor, pgPoolExecutor, PRISMA_MIGRATION_LOCK_KEY, type MigrationExecutor, type MigrationSession } from "./migrate/executor.js";
export type { DbLogger } from "./logger.js";

// Errors
export { DB_ERROR_CODES, DbError, isDbError, type DbErrorCode, type DbErrorOptions } from "./errors.js";
export { isDatabaseUnavailable, outageReason } from "./open/unavailable.js";
export { getDatabaseIdentity } from "./identity/get-database-identity.js";

// Input schemas callers share (the CLI parses its dates with these)
export { CalendarDateSchema, MAX_REASON_LENGTH, ZonedTimeSchema, isInputValidationError } from "./validation.js";

// Client and transactions
export { runTransaction, type DbClient, type TransactionOptions } from "./client.js";
export type { Account, Character, CurrencyLedgerEntry, PrismaClient } from "./generated/prisma/client";
export { ACCOUNT_ROLES, type AccountRole } from "./accounts/roles.js";

// Accounts
export type { AccountRecord } from "./accounts/account-record.js";
export { createAccount, type CreateAccountOptions } from "./accounts/create-account.js";
export { getAccountByEmail, type GetAccountByEmailOptions } from "./accounts/get-account-by-email.js";
export { getAccountRole, type GetAccountRoleOptions } from "./accounts/get-account-role.js";
export { verifyPassword, type VerifyPasswordOptions } from "./accounts/verify-password.js";
export { setAccountPassword, type SetAccountPasswordOptions } from "./accounts/set-account-password.js";
export { setAccountRole, type SetAccountRoleOptions } from "./accounts/set-account-role.js";
export { issueSessionKey, type IssuedSessionKey, type IssueSessionKeyOptions } from "./accounts/issue-session-key.js";
export { validateSessionKey, type ValidateSessionKeyOptions } from "./accounts/validate-session-key.js";

// Characters
export { createCharacter, MAX_CHARACTER_LEVEL, type CreateCharacterOptions } from "./characters/create-character.js";
export { listCharacters, type ListCharactersOptions } from "./characters/list-characters.js";
export { getCharacter, type GetCharacterOptions } from "./characters/get-character.js";
export { getCharacterByName, type GetCharacterByNameOptions } from "./characters/get-character-by-name.js";
export { recordCharacterOnline, type RecordCharacterOnlineOptions } from "./characters/record-character-online.js";
export { saveCharacterLocations, type CharacterLocation } from "./characters/save-character-locations.js";

// Currency
export { getGold, type GetGoldOptions } from "./currency/get-gold.js";
export { LEDGER_SOURCES, type LedgerSource } from "./currency/ledger-source.js";
export type { LedgerEntry } from "./currency/apply-currency-change.js";
export { changeBalance, deductCurrency, grantCurrency, type CurrencyChangeInput, type CurrencyChangeResult } from "./currency/change-currency.js";
export { getBalances, type Balances, type GetBalancesOptions } from "./currency/get-balances.js";
export { listLedger, MAX_LEDGER_PAGE, type LedgerRecord, type ListLedgerOptions } from "./currency/list-ledger.js";
export {
  auditLedger,
  AUDIT_FAILURE_KINDS,
  type AuditFailure,
  type AuditFailureKind,
  type AuditLedgerOptions,
  type LedgerAuditReport,
} from "./currency/audit-ledger.js";

// Actions and events
export {
  defineAction,
  type Action,
  type ActionContext,
  type ActionOptions,
  type ActionResult,
  type ActionSpec,
  type FaultHook,
  type GameRules,
} from "./actions/action.js";
export { ActorSchema, formatActor, type Actor } from "./actions/actor.js";
export { loadGameRules, type LoadGameRulesOptions } from "./rules/load-game-rules.js";
export { GAME_EVENTS_CHANNEL } from "./events/append-events.js";
export { announceEvents } from "./events/announce-events.js";
export { shareRawPool } from "./open/raw-pool.js";
export { claimPendingEvents, type ClaimPendingEventsOptions } from "./events/claim-pending-events.js";
export { pruneDeliveredEvents, type PruneDeliveredEventsOptions } from "./events/prune-delivered-events.js";
export { autovacuumRuns, vacuumWhereDue, type VacuumWhereDueResult } from "./maintenance/vacuum-where-due.js";
export {
  GAME_EVENT_KINDS,
  type AccountRoleChangedEvent,
  type AccountSessionsRevokedEvent,
  type AchievementEarnedEvent,
  type CreatureKilledEvent,
  type CurrencyChangedEvent,
  type GameEvent,
  type GameEventKind,
  type GameEventOf,
  type InventoryChangedEvent,
  type PathLevelChangedEvent,
  type QuestStateChangedEvent,
  type ReputationChangedEvent,
  type StoredGameEvent,
  type TitleActiveChangedEvent,
  type TitleGrantedEvent,
  type TitleRevokedEvent,
  type FriendInviteAnsweredEvent,
  type FriendInviteReceivedEvent,
  type FriendInviteRemovedEvent,
  type FriendshipAddedEvent,
  type FriendshipChangedEvent,
  type FriendshipRemovedEvent,
  type MailArrivedEvent,
  type MailCodPaidEvent,
  type MailRemovedEvent,
} from "./events/game-event.js";
export { IdempotencyKeySchema } from "./idempotency/idempotency-key.js";

// Reputation
export type { ReputationChange, ReputationDelta } from "./reputation/reputation-input.js";
export { getReputations, type GetReputationsOptions, type ReputationStanding } from "./reputation/get-reputations.js";
export { awardReputation, type AwardedReputation, type AwardReputationInput, type AwardReputationResult } from "./reputation/award-reputation.js";
export { countKill, type CountKillInput, type CountKillResult } from "./creatures/count-kill.js";
export {
  EXPERIENCE_REASONS,
  MAX_CHARACTER_XP,
  grantExperience,
  type ExperienceReason,
  type GrantExperienceInput,
  type GrantExperienceResult,
} from "./characters/grant-experience.js";

// Titles
export type { AccountTitleRecord } from "./titles/title-record.js";
export { listAccountTitles, type ListAccountTitlesOptions } from "./titles/list-account-titles.js";
export { grantTitle, type GrantTitleInput, type GrantTitleResult } from "./titles/grant-title.js";
export { revokeTitle, type RevokeTitleInput, type RevokeTitleResult } from "./titles/revoke-title.js";
export { setActiveTitle, type SetActiveTitleInput, type SetActiveTitleResult } from "./titles/set-active-title.js";
export { getActiveTitle, type GetActiveTitleOptions } from "./titles/get-active-title.js";
export { loadTitleState } from "./titles/load-title-state.js";

// Progress: quests, achievements, paths
export { QUEST_STATES, type QuestRecord, type QuestState } from "./progress/quest-record.js";
export { acceptQuest, type AcceptedQuest, type AcceptQuestInput } from "./progress/accept-quest.js";
export { completeQuest, type CompleteQuestInput, type CompleteQuestResult } from "./progress/complete-quest.js";
export { listQuests, type ListQuestsOptions } from "./progress/list-quests.js";
export { grantAchievement, type GrantAchievementInput, type GrantAchievementResult } from "./progress/grant-achievement.js";
export { listAchievements, type AchievementRecord, type ListAchievementsOptions } from "./progress/list-achievements.js";
export type { PathLevelRecord } from "./progress/path-level-record.js";
export { setPathLevel, type SetPathLevelInput, type SetPathLevelResult } from "./progress/set-path-level.js";
export { listPathLevels, type ListPathLevelsOptions } from "./progress/list-path-levels.js";

// Level rewards: paid once per owner, track and level, ever
export { LEVEL_REWARD_OWNER_KINDS, pathRewardTrack, type LevelRewardOwner, type LevelRewardOwnerKind } from "./level-rewards/level-reward-owner.js";
export { claimLevelRewards, type ClaimLevelRewardsOptions } from "./level-rewards/claim-level-rewards.js";

// Inventory
export { buyFromVendor, MAX_PURCHASE_QUANTITY, type BuyFromVendorInput, type BuyFromVendorResult } from "./inventory/buy-from-vendor.js";
export { listInventory, type InventoryItem, type ListInventoryOptions } from "./inventory/list-inventory.js";
export { getItemCount, type GetItemCountOptions } from "./inventory/get-item-count.js";

// Friends and ignore (issue 10)
export { FriendsOptionsSchema, type FriendsOptions, type FriendsOptionsInput } from "./friends/friends-options.js";
export { addFriend, type AddFriendResult } from "./friends/add-friend.js";
export { respondToFriendInvite, type RespondToFriendInviteResult } from "./friends/respond-to-friend-invite.js";
export { removeFriend, type RemoveFriendResult } from "./friends/remove-friend.js";
export { setFriendNote } from "./friends/set-friend-note.js";
export { expireFriendInvites } from "./friends/expire-friend-invites.js";
export {
  listFriends,
  type FriendInviteEntry,
  type FriendList,
  type FriendListEntry,
  type FriendPerson,
  type ListFriendsOptions,
} from "./friends/list-friends.js";
export { areFriends, isIgnoredBy, type CharacterPairOptions } from "./friends/relations.js";
export { FRIENDSHIP_RESULT_BY_ERROR, friendshipResultFor } from "./friends/friendship-result-codes.js";

// Mail (issue 10)
export { DEFAULT_MAIL_OPTIONS, MailOptionsSchema, type MailOptions, type MailOptionsInput } from "./mail/mail-options.js";
export { GrantDescriptionSchema, type GrantDescription, type GrantRecipient, type MailGrantHandler, type MailGrantHandlers } from "./mail/mail-grants.js";
export { sendMail, type SendMailResult } from "./mail/send-mail.js";
export { sendSystemMail, type SendSystemMailResult } from "./mail/send-system-mail.js";
export { openMail } from "./mail/open-mail.js";
export { takeMailAttachment, type TakeMailAttachmentResult } from "./mail/take-mail-attachment.js";
export { takeMailGold } from "./mail/take-mail-gold.js";
export { payMailCod } from "./mail/pay-mail-cod.js";
export { returnMail } from "./mail/return-mail.js";
export { deleteMail } from "./mail/delete-mail.js";
export { expireMail, expireOneMail, type ExpireMailOptions, type ExpireMailReport, type MailExpiryOutcome } from "./mail/expire-mail.js";
export { listMail, type ListMailOptions, type MailAttachmentView, type MailView } from "./mail/list-mail.js";
export { MAIL_ERROR_BY_ERROR, mailErrorFor } from "./mail/mail-result-codes.js";

// Collections (issue 11): mounts and pets, account-wide or per character
export { COLLECTIBLE_TYPES, UNLOCK_SOURCES, type CollectibleType, type CollectionEntry, type UnlockSource } from "./collections/collection-record.js";
export { unlockCollectible, type UnlockCollectibleInput, type UnlockCollectibleResult } from "./collections/unlock-collectible.js";
export { getAccountCollection, getCharacterCollection, getMergedCollection, ownsCollectible, type CollectionQuery } from "./collections/get-collections.js";
export type { GrantedCollectible } from "./collections/grant-collectible-rewards.js";
export type { MountCustomizationRecord } from "./mounts/mount-customization-record.js";
export { listMountCustomizations } from "./mounts/list-mount-customizations.js";
export { customizeMount, type CustomizeMountInput } from "./mounts/customize-mount.js";
export { PET_KINDS, type CharacterPetRecord, type PetKind } from "./pets/character-pet-record.js";
export { listCharacterPets } from "./pets/list-character-pets.js";
export { setPetNickname, type SetPetNicknameInput } from "./pets/set-pet-nickname.js";
export { awardPetXp, MAX_PET_XP_AWARD, petRewardTrack, type AwardPetXpInput, type AwardPetXpResult } from "./pets/award-pet-xp.js";

// Storefront (issue 11)
export { importStoreCatalog, type ImportStoreCatalogOptions, type ImportStoreCatalogReport } from "./store/import-store-catalog.js";
export { type StoreOfferRecord } from "./store/store-offer-record.js";
export { type Edited } from "./store/edit-offer.js";
export { getOffer, listExchangeRates, listOffers } from "./store/list-offers.js";
export { getStoreCatalog, type CatalogCategory, type CatalogOffer, type GetStoreCatalogOptions, type StoreCatalogView } from "./store/get-store-catalog.js";
export { restockOffer, setExchangeRate, setOfferAvailability, setOfferPrice } from "./store/admin-edits.js";
export { getVipStatus, setVipTier, type SetVipTierResult } from "./store/set-vip-tier.js";
export { type VipStatus } from "./store/vip-status.js";
export { VIP_REWARD_TRACK } from "./store/vip-rewards.js";
export { STORE_TRANSACTION_STATUS, type StoreTransactionStatus } from "./store/store-transaction.js";
export { getCatalogPage, type CatalogPage } from "./store/get-catalog-page.js";
export { STORE_AUDIT_FAILURE_KINDS, type StoreAuditFailure, type StoreAuditReport } from "./store/audit-store.js";
export { getLedger, getTransaction, MAX_STORE_LEDGER_PAGE, type StoreTransactionRecord } from "./store/store-transactions.js";
export { createPromotion, listPromotions, setDailyDeal, listDailyDeals, type CreatePromotionInput } from "./store/promotions.js";
export { previewOffer, type OfferPreview } from "./store/preview-offer.js";
export { purchaseOffer, type PurchaseOfferInput, type PurchaseOfferResult } from "./store/purchase-offer.js";
export { listPurchases, type PurchaseRecord } from "./store/list-purchases.js";
export { STORE_GIFT_GRANT_TYPE, STORE_MAIL_GRANTS } from "./store/store-gift-grants.js";
export { STORE_ERROR, STORE_ERROR_BY_ERROR, storeErrorFor, type StoreError } from "./store/store-error-codes.js";

// Promo codes (issue 11)
export {
  MAX_PROMO_CODE_LENGTH,
  MAX_PROMO_ITEM_COUNT,
  PROMO_CODE_KINDS,
  PROMO_RATE_LIMIT,
  PromoRewardSchema,
  normalizePromoCode,
  type PromoCodeKind,
  type PromoCodeRecord,
  type PromoReward,
} from "./promo/promo-code-record.js";
export { createPromoCode, disablePromoCode, getPromoCode, listPromoCodes, type CreatePromoCodeInput } from "./promo/manage-promo-codes.js";
export { redeemPromoCode, type RedeemPromoCodeResult } from "./promo/redeem-promo-code.js";
