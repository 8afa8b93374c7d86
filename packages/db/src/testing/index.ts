// @bezgelor/db/testing: test support for this package and its dependents. Not for production.
export { createTestDatabase, createTestPostgresDatabase, type CreateTestDatabaseOptions } from "./create-test-database.js";
export { createTestDatabaseDir } from "./pglite-dir-template.js";
export { makeAccount, makeCharacter, uniqueCharacterName, uniqueEmail, type MakeAccountOptions, type MakeCharacterOptions } from "./factories.js";
export { loadTestRules, testActionOptions } from "./rules.js";
export { closedPort, createUnreachableDatabase, unreachablePostgresUrl } from "./unreachable-database.js";
export { createRefusingDatabase, notAcceptingConnections, refusingPostgresServer, type ConnectionRefusal } from "./refusing-database.js";
export { announcementsSettled } from "../events/announce-events.js";
