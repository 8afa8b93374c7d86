-- buyFromVendor's batch form (ActionSpec.batch, packages/db/src/inventory/buy-from-vendor.ts): the
-- paid purchases of one batch (a vendor without a faction, a price above zero) in one statement,
-- instead of one statement each in a shared transaction. Its statements are planned once per
-- connection (PL/pgSQL caches their plans), and the batch costs one round trip. Same guarantees as
-- the one-statement purchase, call by call:
-- 1. Every character of the batch is locked first, in id order (FOR NO KEY UPDATE, as the gold
--    UPDATE takes it), so two batches cannot deadlock.
-- 2. Then each call, in the order given: its gold is taken only if the character has enough (never
--    below zero), with its ledger row (source 'vendor'); then its items are added, only if the
--    count stays within 2^31-1; then its two events (currency.changed, inventory.changed: the
--    templates given, completed with the account, ledger entry, balances and count).
-- One row per call, ordered by "n", its 1-based position: "ok" false changed nothing for that call
-- (not enough gold, or no such character). When the items of a paid call would overflow, the
-- whole statement aborts with raise_refusal('INVENTORY_OVERFLOW') and changes nothing; the
-- batcher then sends every call again on its own.
CREATE FUNCTION "buy_from_vendors"(
  "p_character_ids" INTEGER[],
  "p_item_ids" INTEGER[],
  "p_quantities" INTEGER[],
  "p_costs" BIGINT[],
  "p_reasons" TEXT[],
  "p_actors" TEXT[],
  "p_events" JSONB
) RETURNS TABLE (
  "n" BIGINT, "ok" BOOLEAN, "account_id" INTEGER, "ledger_id" BIGINT, "balance_before" BIGINT, "balance_after" BIGINT, "count" INTEGER
)
LANGUAGE plpgsql VOLATILE AS $$
-- The output columns are variables too: names in the queries mean the tables' columns.
#variable_conflict use_column
DECLARE
  "v_account" INTEGER;
  "v_gold" BIGINT;
  "v_ledger" BIGINT;
  "v_count" INTEGER;
  "v_events" JSONB;
BEGIN
  PERFORM 1 FROM "characters" AS "c" WHERE "c"."id" = ANY ("p_character_ids") ORDER BY "c"."id" FOR NO KEY UPDATE;
  FOR "i" IN 1 .. coalesce(array_length("p_character_ids", 1), 0) LOOP
    "n" := "i";
    UPDATE "characters" AS "c" SET "gold" = "c"."gold" - "p_costs"["i"]
      WHERE "c"."id" = "p_character_ids"["i"] AND "c"."gold" >= "p_costs"["i"]
      RETURNING "c"."account_id", "c"."gold" INTO "v_account", "v_gold";
    IF NOT FOUND THEN
      "ok" := false; "account_id" := NULL; "ledger_id" := NULL; "balance_before" := NULL; "balance_after" := NULL; "count" := NULL;
      RETURN NEXT;
      CONTINUE;
    END IF;
    INSERT INTO "currency_ledger" ("account_id", "character_id", "currency", "delta", "balance_before", "balance_after", "reason", "source", "actor")
      VALUES ("v_account", "p_character_ids"["i"], 'gold', -"p_costs"["i"], "v_gold" + "p_costs"["i"], "v_gold", "p_reasons"["i"], 'vendor', "p_actors"["i"])
      RETURNING "id" INTO "v_ledger";
    INSERT INTO "character_inventory" AS "t" ("character_id", "item_id", "count")
      VALUES ("p_character_ids"["i"], "p_item_ids"["i"], "p_quantities"["i"])
      ON CONFLICT ("character_id", "item_id") DO UPDATE SET "count" = "t"."count" + EXCLUDED."count", "updated_at" = CURRENT_TIMESTAMP
        WHERE "t"."count" <= 2147483647 - EXCLUDED."count"
      RETURNING "t"."count" INTO "v_count";
    IF NOT FOUND THEN
      PERFORM raise_refusal('INVENTORY_OVERFLOW');
    END IF;
    "v_events" := "p_events" -> ("i" - 1);
    INSERT INTO "game_events" ("kind", "account_id", "character_id", "payload")
      VALUES
        ("v_events" -> 0 ->> 'kind', "v_account", "p_character_ids"["i"], ("v_events" -> 0) || jsonb_build_object(
          'accountId', "v_account", 'ledgerEntryId', jsonb_build_object('$bigint', "v_ledger"::text),
          'balanceBefore', jsonb_build_object('$bigint', ("v_gold" + "p_costs"["i"])::text), 'balanceAfter', jsonb_build_object('$bigint', "v_gold"::text))),
        ("v_events" -> 1 ->> 'kind', "v_account", "p_character_ids"["i"], ("v_events" -> 1) || jsonb_build_object('accountId', "v_account", 'count', "v_count"));
    "ok" := true; "account_id" := "v_account"; "ledger_id" := "v_ledger";
    "balance_before" := "v_gold" + "p_costs"["i"]; "balance_after" := "v_gold"; "count" := "v_count";
    RETURN NEXT;
  END LOOP;
END
$$;
