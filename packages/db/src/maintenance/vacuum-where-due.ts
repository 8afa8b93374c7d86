// PGlite runs one standalone backend and no autovacuum daemon, and a PostgreSQL server may run
// with `autovacuum = off`: without a VACUUM, the space of deleted and updated rows is never reused
// and indexes keep entries of dead rows. The outbox alone (every event inserted, claimed, pruned)
// grows a table and two indexes for as long as the server runs. This does, when called, what the
// daemon does: vacuums each table whose dead rows passed the daemon's threshold, with the table's
// own settings where it has them.
import { toDbError } from "../errors.js";
import type { Database } from "../open/database.js";

interface DueRow {
  relname: string;
}

/**
 * The public tables whose dead rows passed autovacuum's threshold (`autovacuum_vacuum_threshold +
 * autovacuum_vacuum_scale_factor * live rows`, from the table's storage parameters, else the
 * server's settings), as PostgreSQL's autovacuum computes it. With $1 true (PostgreSQL), not those
 * the server's daemon vacuums: it runs, and the table's `autovacuum_enabled` is not false.
 */
const DUE_SQL = `
  SELECT s."relname"
  FROM "pg_stat_user_tables" s JOIN "pg_class" c ON c."oid" = s."relid"
  WHERE s."schemaname" = 'public'
    AND NOT ($1::boolean
      AND current_setting('autovacuum') = 'on' AND current_setting('track_counts') = 'on'
      AND coalesce((SELECT split_part(o, '=', 2) FROM unnest(c."reloptions") o WHERE o LIKE 'autovacuum_enabled=%'), 'true') <> 'false')
    AND s."n_dead_tup" > coalesce(
          (SELECT split_part(o, '=', 2)::float8 FROM unnest(c."reloptions") o WHERE o LIKE 'autovacuum_vacuum_threshold=%'),
          current_setting('autovacuum_vacuum_threshold')::float8)
      + coalesce(
          (SELECT split_part(o, '=', 2)::float8 FROM unnest(c."reloptions") o WHERE o LIKE 'autovacuum_vacuum_scale_factor=%'),
          current_setting('autovacuum_vacuum_scale_factor')::float8) * s."n_live_tup"
  ORDER BY s."n_dead_tup" DESC`;

/** `name` as a quoted SQL identifier. */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Vacuums (and analyzes) every public table due by autovacuum's rule that no autovacuum daemon
 * vacuums, one at a time; returns their names, most dead rows first (empty when none is due). On
 * the embedded database (no daemon, whatever its settings say): every table due. On PostgreSQL:
 * the tables due whose `autovacuum_enabled` is false, or all of them when the server runs no
 * daemon (`autovacuum` or `track_counts` off). The world server calls it once a minute where no
 * daemon runs. VACUUM cannot run in a transaction: pass the database, whose client is not one.
 * Throws DbError INTERNAL (or UNAVAILABLE) when the database fails.
 */
export async function vacuumWhereDue(database: Pick<Database, "kind" | "client">): Promise<string[]> {
  const db = database.client;
  try {
    const due = await db.$queryRawUnsafe<DueRow[]>(DUE_SQL, database.kind === "postgres");
    for (const { relname } of due) await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${quoteIdentifier(relname)}`);
    return due.map((row) => row.relname);
  } catch (error) {
    throw toDbError(error, "Vacuuming the tables due failed");
  }
}

/**
 * Whether an autovacuum daemon vacuums this database: never on the embedded database (one
 * standalone backend); on PostgreSQL, when the server's `autovacuum` and `track_counts` are on.
 * Throws DbError INTERNAL (or UNAVAILABLE) when the database fails.
 */
export async function autovacuumRuns(database: Pick<Database, "kind" | "client">): Promise<boolean> {
  if (database.kind !== "postgres") return false;
  try {
    const [row] = await database.client.$queryRawUnsafe<{ on: boolean }[]>(
      `SELECT current_setting('autovacuum') = 'on' AND current_setting('track_counts') = 'on' AS "on"`,
    );
    return row?.on === true;
  } catch (error) {
    throw toDbError(error, "Reading the autovacuum settings failed");
  }
}
