// Race tests prove something only on PostgreSQL: PGlite serialises every query. Each race file
// names its suite through this, so the reason it is skipped is said the same way everywhere.

/** True when the tests run on PostgreSQL (DATABASE_URL set). */
export const onPostgres = Boolean(process.env.DATABASE_URL);

/** The suite's title, saying why it is skipped on PGlite (and warning once when it is). */
export function raceSuiteTitle(what: string): string {
  if (onPostgres) return `${what} on PostgreSQL`;
  const title = `${what} [SKIPPED: needs DATABASE_URL; PGlite serialises every query, so a race test proves nothing there]`;
  console.warn(`[@bezgelor/db] ${title}`);
  return title;
}
