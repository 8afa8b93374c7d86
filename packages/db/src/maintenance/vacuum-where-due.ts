// PGlite runs one standalone backend and no autovacuum daemon, and a PostgreSQL server may run
// with `autovacuum = off`: without a VACUUM, the space of deleted and updated rows is never reused
// and indexes keep entries of dead rows; without an ANALYZE, the planner plans with the table as
// it was. The outbox alone (every event inserted, claimed, pruned) grows a table and two indexes
// for as long as the server runs. This does, when called, what the daemon does: vacuums each table
// whose dead or inserted rows passed the daemon's thresholds, and analyzes each whose changed rows
// passed its analyze threshold, with the table's own settings where it has them.
import { toDbError } from "../errors.js";
import type { Database } from "../open/database.js";

interface DueRow {
  relname: string;
  /** Due for a vacuum (and an analyze with it); false: for an analyze only. */
  vacuum: boolean;
}

/** A storage parameter of the table `c` as float8, else the server's setting of the same name. */
const setting = (name: string) => `coalesce(
    (SELECT split_part(o, '=', 2)::float8 FROM unnest(c."reloptions") o WHERE o LIKE '${name}=%'),
    current_setting('${name}')::float8)`;

/**
 * The public tables due, as PostgreSQL's autovacuum computes it from the table's storage
 * parameters, else the server's settings: for a vacuum when their dead rows passed
 * `autovacuum_vacuum_threshold + autovacuum_vacuum_scale_factor * live rows`, or the rows inserted
 * since the last vacuum passed `autovacuum_vacuum_insert_threshold (-1: never) +
 * autovacuum_vacuum_insert_scale_factor * live rows` (an insert-only table, such as the ledger,
 * is vacuumed for its visibility map and to freeze its rows), for an analyze when
 * the rows changed since the last one passed `autovacuum_analyze_threshold +
 * autovacuum_analyze_scale_factor * live rows`. With $1 true (PostgreSQL), not those the server's
 * daemon looks after: it runs, and the table's `autovacuum_enabled` is not false.
 */
const DUE_SQL = `
  SELECT "relname", "vacuum"
  FROM (
    SELECT s."relname", s."n_dead_tup",
      s."n_dead_tup" > ${setting("autovacuum_vacuum_threshold")} + ${setting("autovacuum_vacuum_scale_factor")} * s."n_live_tup"
        OR (${setting("autovacuum_vacuum_insert_threshold")} >= 0
          AND s."n_ins_since_vacuum" > ${setting("autovacuum_vacuum_insert_threshold")} + ${setting("autovacuum_vacuum_insert_scale_factor")} * s."n_live_tup") AS "vacuum",
      s."n_mod_since_analyze" > ${setting("autovacuum_analyze_threshold")} + ${setting("autovacuum_analyze_scale_factor")} * s."n_live_tup" AS "analyze"
    FROM "pg_stat_user_tables" s JOIN "pg_class" c ON c."oid" = s."relid"
    WHERE s."schemaname" = 'public'
      AND NOT ($1::boolean
        AND current_setting('autovacuum') = 'on' AND current_setting('track_counts') = 'on'
        AND coalesce((SELECT split_part(o, '=', 2) FROM unnest(c."reloptions") o WHERE o LIKE 'autovacuum_enabled=%'), 'true') <> 'false')
  ) t
  WHERE "vacuum" OR "analyze"
  ORDER BY "n_dead_tup" DESC, "relname"`;

/** What {@link vacuumWhereDue} did: table names, most dead rows first. */
export interface VacuumWhereDueResult {
  /** Tables vacuumed (and analyzed with it). */
  vacuumed: string[];
  /** Tables only analyzed: many rows changed, few dead or inserted. */
  analyzed: string[];
}

/** `name` as a quoted SQL identifier. */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * Vacuums (and analyzes) every public table due for it by autovacuum's rules, and analyzes every
 * other one due for an analyze, one at a time, where no autovacuum daemon would. On the embedded
 * database (no daemon, whatever its settings say): every table due. On PostgreSQL: the tables due
 * whose `autovacuum_enabled` is false, or all of them when the server runs no daemon (`autovacuum`
 * or `track_counts` off). The world server calls it once a minute where no daemon runs. VACUUM
 * cannot run in a transaction: pass the database, whose client is not one.
 * Throws DbError INTERNAL (or UNAVAILABLE) when the database fails.
 */
export async function vacuumWhereDue(database: Pick<Database, "kind" | "client">): Promise<VacuumWhereDueResult> {
  const db = database.client;
  const result: VacuumWhereDueResult = { vacuumed: [], analyzed: [] };
  try {
    const due = await db.$queryRawUnsafe<DueRow[]>(DUE_SQL, database.kind === "postgres");
    for (const { relname, vacuum } of due) {
      await db.$executeRawUnsafe(`${vacuum ? "VACUUM (ANALYZE)" : "ANALYZE"} ${quoteIdentifier(relname)}`);
      (vacuum ? result.vacuumed : result.analyzed).push(relname);
    }
    return result;
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
