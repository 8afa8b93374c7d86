// PGlite runs one standalone backend and no autovacuum daemon: without a VACUUM, the space of
// deleted and updated rows is never reused and indexes keep entries of dead rows. The outbox alone
// (every event inserted, claimed, pruned) grows a table and two indexes for as long as the server
// runs. This does, when called, what the daemon does on PostgreSQL: vacuums each table whose dead
// rows passed the daemon's threshold, with the table's own settings where it has them.
import type { PrismaClient } from "../generated/prisma/client";
import { toDbError } from "../errors.js";

interface DueRow {
  relname: string;
}

/**
 * The public tables whose dead rows passed autovacuum's threshold (`autovacuum_vacuum_threshold +
 * autovacuum_vacuum_scale_factor * live rows`, from the table's storage parameters, else the
 * server's settings), as PostgreSQL's autovacuum computes it.
 */
const DUE_SQL = `
  SELECT s."relname"
  FROM "pg_stat_user_tables" s JOIN "pg_class" c ON c."oid" = s."relid"
  WHERE s."schemaname" = 'public'
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
 * Vacuums (and analyzes) every public table due by autovacuum's rule, one at a time; returns their
 * names, most dead rows first (empty when none is due). For a database without autovacuum, the
 * embedded one: the world server calls it once a minute. Harmless on PostgreSQL, where the daemon
 * usually got there first. VACUUM cannot run in a transaction: pass the client, not a transaction.
 * Throws DbError INTERNAL (or UNAVAILABLE) when the database fails.
 */
export async function vacuumWhereDue(db: PrismaClient): Promise<string[]> {
  try {
    const due = await db.$queryRawUnsafe<DueRow[]>(DUE_SQL);
    for (const { relname } of due) await db.$executeRawUnsafe(`VACUUM (ANALYZE) ${quoteIdentifier(relname)}`);
    return due.map((row) => row.relname);
  } catch (error) {
    throw toDbError(error, "Vacuuming the tables due failed");
  }
}
