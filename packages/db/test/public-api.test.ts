// Locks the public surface: adding or removing an export must be a deliberate change here too.
import { describe, expect, it } from "vitest";
import * as api from "../src/index.js";
import * as testing from "../src/testing/index.js";

describe("public API", () => {
  it("@bezgelor/db exports exactly these values", () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        "ACCOUNT_ROLES",
        "CHARACTER_PATHS",
        "MAX_PATH_LEVEL",
        "MAX_PURCHASE_QUANTITY",
        "QUEST_STATES",
        "TITLE_SOURCES",
        "acceptQuest",
        "buyItem",
        "changeReputation",
        "completeQuest",
        "getActiveTitle",
        "getItemCount",
        "getReputations",
        "grantAchievement",
        "grantTitle",
        "listAccountTitles",
        "listAchievements",
        "listInventory",
        "listPathLevels",
        "listQuests",
        "revokeTitle",
        "setActiveTitle",
        "setPathLevel",
        "DATABASE_KINDS",
        "DB_ERROR_CODES",
        "DEFAULT_SESSION_KEY_LIFETIME_SECONDS",
        "DbConfigSchema",
        "DbError",
        "MAX_CHARACTER_LEVEL",
        "PRISMA_MIGRATION_LOCK_KEY",
        "addGold",
        "createAccount",
        "createCharacter",
        "getAccountByEmail",
        "getAccountRole",
        "getCharacter",
        "getCharacterByName",
        "getGold",
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
        "spendGold",
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
      "makeAccount",
      "makeCharacter",
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
