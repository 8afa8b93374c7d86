// Locks the public surface: adding or removing an export must be a deliberate change here too.
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import * as testing from "../src/testing/index.js";

describe("public API", () => {
  it("@bezgelor/db exports exactly these values", () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        // actions: every change of game state, one transaction with its consequences and events
        "acceptQuest",
        "awardReputation",
        "buyFromVendor",
        "completeQuest",
        "countKill",
        "deductCurrency",
        "grantAchievement",
        "grantCurrency",
        "grantTitle",
        "revokeTitle",
        "setActiveTitle",
        "setPathLevel",
        // friends and mail
        "addFriend",
        "respondToFriendInvite",
        "removeFriend",
        "setFriendNote",
        "expireFriendInvites",
        "listFriends",
        "areFriends",
        "isIgnoredBy",
        "friendshipResultFor",
        "FRIENDSHIP_RESULT_BY_ERROR",
        "FriendsOptionsSchema",
        "sendMail",
        "sendSystemMail",
        "openMail",
        "takeMailAttachment",
        "takeMailGold",
        "payMailCod",
        "returnMail",
        "deleteMail",
        "expireMail",
        "expireOneMail",
        "listMail",
        "mailErrorFor",
        "MAIL_ERROR_BY_ERROR",
        "MailOptionsSchema",
        "DEFAULT_MAIL_OPTIONS",
        "GrantDescriptionSchema",
        // the outbox, for whoever delivers events
        "claimPendingEvents",
        "pruneDeliveredEvents",
        // building actions
        "ActorSchema",
        "GAME_EVENTS_CHANNEL",
        "GAME_EVENT_KINDS",
        "IdempotencyKeySchema",
        "changeBalance",
        "defineAction",
        "formatActor",
        "loadTitleState",
        "claimLevelRewards",
        "pathRewardTrack",
        // reads
        "getActiveTitle",
        "getGold",
        "getItemCount",
        "getReputations",
        "listAccountTitles",
        "listAchievements",
        "listInventory",
        "listPathLevels",
        "listQuests",
        // constants
        "ACCOUNT_ROLES",
        "LEDGER_SOURCES",
        "LEVEL_REWARD_OWNER_KINDS",
        "MAX_PURCHASE_QUANTITY",
        "QUEST_STATES",
        // opening, errors, accounts and characters
        "DATABASE_KINDS",
        "DB_ERROR_CODES",
        "DEFAULT_SESSION_KEY_LIFETIME_SECONDS",
        "DbConfigSchema",
        "DbError",
        "MAX_CHARACTER_LEVEL",
        "PRISMA_MIGRATION_LOCK_KEY",
        "AUDIT_FAILURE_KINDS",
        "MAX_LEDGER_PAGE",
        "auditLedger",
        "getBalances",
        "listLedger",
        "createAccount",
        "createCharacter",
        "getAccountByEmail",
        "getAccountRole",
        "getCharacter",
        "getCharacterByName",
        "isDatabaseUnavailable",
        "isDbError",
        "issueSessionKey",
        "listCharacters",
        "markMigrationRolledBack",
        "migrateDatabase",
        "openDatabase",
        "pgPoolExecutor",
        "pgliteExecutor",
        "recordCharacterOnline",
        "runTransaction",
        "setAccountPassword",
        "setAccountRole",
        "validateSessionKey",
        "verifyPassword",
      ].sort(),
    );
  });

  it("@bezgelor/db/testing exports exactly these values", () => {
    expect(Object.keys(testing).sort()).toEqual([
      "closedPort",
      "createTestDatabase",
      "createUnreachableDatabase",
      "loadTestRules",
      "makeAccount",
      "makeCharacter",
      "testActionOptions",
      "uniqueCharacterName",
      "uniqueEmail",
      "unreachablePostgresUrl",
    ]);
  });

  it("does not leak the generated Prisma client as a value", () => {
    expect(api).not.toHaveProperty("PrismaClient");
    expect(api).not.toHaveProperty("Prisma");
  });
});
