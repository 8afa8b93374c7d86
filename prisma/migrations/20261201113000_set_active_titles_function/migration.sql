-- setActiveTitle's batch form (ActionSpec.batch, packages/db/src/titles/set-active-title.ts): the
-- calls of one batch in two statements instead of three per call (set_active_title runs a lock, a
-- check and an update for each). Same guarantees as set_active_title, call by call:
-- 1. Every account of the batch is locked first, in id order (FOR NO KEY UPDATE, as lockAccount
--    and revokeTitle take it), so two batches cannot deadlock.
-- 2. Then, on a snapshot taken after the locks were granted (a new statement of a VOLATILE
--    function), each call is checked (the account exists; it owns the title, unexpired at the
--    call's time; a null title clears) and the accounts get the title of their last call that
--    passed. Calls on one account take effect in the order given: a call's "before_title_id" is
--    the title of the account's previous call that passed, else the account's title before the
--    batch. Ownership never depends on an earlier call (a title set grants or revokes nothing).
-- One row per call, ordered by "n", the call's 1-based position; "ok" false changed nothing for
-- that call, and "failure" is then 'ACCOUNT_NOT_FOUND' or 'TITLE_NOT_OWNED'.
CREATE FUNCTION "set_active_titles"(
  "p_account_ids" INTEGER[],
  "p_title_ids" INTEGER[],
  "p_now" TIMESTAMPTZ[]
) RETURNS TABLE ("n" BIGINT, "ok" BOOLEAN, "failure" TEXT, "before_title_id" INTEGER)
LANGUAGE plpgsql VOLATILE AS $$
-- The output columns are variables too: names in the queries mean the tables' columns.
#variable_conflict use_column
BEGIN
  PERFORM 1 FROM "accounts" AS "a" WHERE "a"."id" = ANY ("p_account_ids") ORDER BY "a"."id" FOR NO KEY UPDATE;
  RETURN QUERY
  WITH "calls" AS (
    SELECT "u"."account_id", "u"."title_id", "u"."at", "u"."n"
      FROM unnest("p_account_ids", "p_title_ids", "p_now") WITH ORDINALITY AS "u"("account_id", "title_id", "at", "n")
  ),
  "checked" AS (
    SELECT "c".*, "a"."id" IS NOT NULL AS "found", "a"."active_title_id" AS "original",
        "a"."id" IS NOT NULL AND ("c"."title_id" IS NULL OR EXISTS (
          SELECT 1 FROM "account_titles" AS "t"
          WHERE "t"."account_id" = "c"."account_id" AND "t"."title_id" = "c"."title_id" AND ("t"."expires_at" IS NULL OR "t"."expires_at" > "c"."at")
        )) AS "passed"
      FROM "calls" AS "c" LEFT JOIN "accounts" AS "a" ON "a"."id" = "c"."account_id"
  ),
  "sequenced" AS (
    SELECT "k".*, max(CASE WHEN "k"."passed" THEN "k"."n" END)
        OVER (PARTITION BY "k"."account_id" ORDER BY "k"."n" ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS "previous_n"
      FROM "checked" AS "k"
  ),
  "updated" AS (
    UPDATE "accounts" AS "a" SET "active_title_id" = "last"."title_id"
      FROM (SELECT DISTINCT ON ("account_id") "account_id", "title_id" FROM "checked" WHERE "passed" ORDER BY "account_id", "n" DESC) AS "last"
      WHERE "a"."id" = "last"."account_id"
      RETURNING "a"."id"
  )
  SELECT "s"."n", "s"."passed",
      CASE WHEN NOT "s"."found" THEN 'ACCOUNT_NOT_FOUND' WHEN NOT "s"."passed" THEN 'TITLE_NOT_OWNED' END,
      CASE WHEN "s"."previous_n" IS NOT NULL THEN "p"."title_id" ELSE "s"."original" END
    FROM "sequenced" AS "s" LEFT JOIN "calls" AS "p" ON "p"."n" = "s"."previous_n"
    ORDER BY "s"."n";
END
$$;
