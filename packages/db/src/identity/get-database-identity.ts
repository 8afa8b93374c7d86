import type { DbClient } from "../client.js";
import { DbError, toDbError } from "../errors.js";

/**
 * The database's identity: the random UUID (lowercase, 36 characters) its migration made, the same
 * for as long as the database lives and different for every other database. Files kept outside
 * the database (the store's offline journal) record it so they are applied to no other database.
 * Throws DbError CONNECTION_FAILED (unreachable), INTERNAL (the row is missing: not migrated).
 */
export async function getDatabaseIdentity(db: DbClient): Promise<string> {
  let row;
  try {
    row = await db.databaseIdentity.findUnique({ where: { singleton: true }, select: { id: true } });
  } catch (error) {
    throw toDbError(error, "Reading the database identity failed");
  }
  if (!row) throw new DbError("INTERNAL", "the database has no identity row (database_identity); is it migrated?");
  return row.id;
}
