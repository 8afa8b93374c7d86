-- setActiveTitle as one statement (packages/db/src/titles/set-active-title.ts). Each statement of a
-- VOLATILE PL/pgSQL function takes a fresh snapshot under READ COMMITTED, so the ownership check,
-- made after the account row lock is granted, sees a revokeTitle that committed while this call
-- waited for that lock; a single UPDATE .. WHERE EXISTS would check it on the older snapshot.
-- When "ok" is false nothing was changed; "failure" is then 'ACCOUNT_NOT_FOUND' or 'TITLE_NOT_OWNED'.
CREATE FUNCTION "set_active_title"(
  "p_account_id" INTEGER,
  "p_title_id" INTEGER,
  "p_now" TIMESTAMPTZ,
  OUT "ok" BOOLEAN,
  OUT "failure" TEXT,
  OUT "before_title_id" INTEGER
) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  -- FOR NO KEY UPDATE, as lockAccount (lock-account.ts) and revokeTitle take it.
  SELECT "a"."active_title_id" INTO "before_title_id" FROM "accounts" AS "a" WHERE "a"."id" = "p_account_id" FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    "ok" := FALSE;
    "failure" := 'ACCOUNT_NOT_FOUND';
    RETURN;
  END IF;
  IF "p_title_id" IS NOT NULL AND NOT EXISTS (
    SELECT 1 FROM "account_titles" AS "t"
    WHERE "t"."account_id" = "p_account_id" AND "t"."title_id" = "p_title_id" AND ("t"."expires_at" IS NULL OR "t"."expires_at" > "p_now")
  ) THEN
    "ok" := FALSE;
    "failure" := 'TITLE_NOT_OWNED';
    RETURN;
  END IF;
  UPDATE "accounts" SET "active_title_id" = "p_title_id" WHERE "id" = "p_account_id";
  "ok" := TRUE;
END
$$;
