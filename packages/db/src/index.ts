// @bezgelor/db: the public API. Everything not exported here is internal.

// Opening, configuration, migrations
export { DbConfigSchema, DEFAULT_SESSION_KEY_LIFETIME_SECONDS, type DbConfig, type DbConfigInput } from "./config.js";
export { openDatabase, type OpenDatabaseOptions } from "./open/open-database.js";
export { DATABASE_KINDS, type Database, type DatabaseKind } from "./open/database.js";
export {
  markMigrationRolledBack,
  migrateDatabase,
  type MarkMigrationRolledBackOptions,
  type MigrateDatabaseOptions,
  type MigrationProgress,
  type MigrationReport,
  type MigrationTarget,
} from "./migrate/migrate-database.js";
export {
  pgliteExecutor,
  pgPoolExecutor,
  PRISMA_MIGRATION_LOCK_KEY,
  type MigrationExecutor,
  type MigrationSession,
} from "./migrate/executor.js";
export type { DbLogger } from "./logger.js";

// Errors
export { DB_ERROR_CODES, DbError, isDbError, type DbErrorCode, type DbErrorOptions } from "./errors.js";
export { isDatabaseUnavailable } from "./open/unavailable.js";

// Client and transactions
export { runTransaction, type DbClient, type TransactionOptions } from "./client.js";
export type { Account, Character, GoldLedgerEntry, PrismaClient } from "./generated/prisma/client";
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

// Currency
export { addGold, type AddGoldOptions } from "./currency/add-gold.js";
export { spendGold, type SpendGoldOptions } from "./currency/spend-gold.js";
export { getGold, type GetGoldOptions } from "./currency/get-gold.js";
export type { GoldChange, GoldChangeOptions } from "./currency/gold-change.js";

// Reputation
export type { ReputationBounds, ReputationChange, ReputationDelta } from "./reputation/reputation-input.js";
export { getReputations, type GetReputationsOptions, type ReputationStanding } from "./reputation/get-reputations.js";
export { changeReputation, type ChangeReputationOptions } from "./reputation/change-reputation.js";

// Titles
export { TITLE_SOURCES, type AccountTitleRecord, type TitleSource } from "./titles/title-record.js";
export { listAccountTitles, type ListAccountTitlesOptions } from "./titles/list-account-titles.js";
export { grantTitle, type GrantTitleOptions, type GrantTitleResult } from "./titles/grant-title.js";
export { revokeTitle, type RevokeTitleOptions, type RevokeTitleResult } from "./titles/revoke-title.js";
export { setActiveTitle, type SetActiveTitleOptions, type SetActiveTitleResult } from "./titles/set-active-title.js";
export { getActiveTitle, type GetActiveTitleOptions } from "./titles/get-active-title.js";

// Progress: quests, achievements, paths
export { QUEST_STATES, type QuestRecord, type QuestState } from "./progress/quest-record.js";
export { acceptQuest, type AcceptedQuest, type AcceptQuestOptions } from "./progress/accept-quest.js";
export { completeQuest, type CompleteQuestOptions, type CompleteQuestResult } from "./progress/complete-quest.js";
export { listQuests, type ListQuestsOptions } from "./progress/list-quests.js";
export { grantAchievement, type GrantAchievementOptions, type GrantAchievementResult } from "./progress/grant-achievement.js";
export { listAchievements, type AchievementRecord, type ListAchievementsOptions } from "./progress/list-achievements.js";
export { CHARACTER_PATHS, MAX_PATH_LEVEL, type CharacterPath, type PathLevelRecord } from "./progress/path-level-record.js";
export { setPathLevel, type SetPathLevelOptions, type SetPathLevelResult } from "./progress/set-path-level.js";
export { listPathLevels, type ListPathLevelsOptions } from "./progress/list-path-levels.js";

// Inventory
export { buyItem, MAX_PURCHASE_QUANTITY, type BuyItemOptions, type BuyItemResult } from "./inventory/buy-item.js";
export { listInventory, type InventoryItem, type ListInventoryOptions } from "./inventory/list-inventory.js";
export { getItemCount, type GetItemCountOptions } from "./inventory/get-item-count.js";
