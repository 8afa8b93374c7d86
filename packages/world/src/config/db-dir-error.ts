// The embedded database directory the configuration names, refused by the database (a file, or a
// path nothing can be created at), said as the setting to change: one configuration line, exit 2,
// like a bad BEZGELOR_PORT, instead of the database's own words without the variable.
import { DB_ERROR_CODES, DbError } from "@bezgelor/db";
import { WorldError } from "../errors";

/**
 * WorldError CONFIG_INVALID (exit 2) naming BEZGELOR_DB_DIR (when `env` sets it) and db.dir for a
 * DbError DIRECTORY_UNUSABLE, keeping its details (dir, path, errno); anything else as it was.
 */
export function dbDirError(error: unknown, env: Readonly<Record<string, string | undefined>>): unknown {
  if (!(error instanceof DbError) || error.code !== DB_ERROR_CODES.DIRECTORY_UNUSABLE) return error;
  const setting = env.BEZGELOR_DB_DIR ? "BEZGELOR_DB_DIR (db.dir)" : "db.dir";
  const what = error.message.charAt(0).toLowerCase() + error.message.slice(1).replace(/\.$/, "");
  return new WorldError("CONFIG_INVALID", `invalid configuration: ${setting}: ${what}; set it to a directory, or a path where one can be made`, {
    cause: error,
    details: error.details,
  });
}
