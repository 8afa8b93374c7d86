-- CreateTable
CREATE TABLE "account_currencies" (
    "account_id" INTEGER NOT NULL,
    "currency" VARCHAR(16) NOT NULL,
    "balance" BIGINT NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_currencies_pkey" PRIMARY KEY ("account_id","currency")
);

-- CreateTable
CREATE TABLE "currency_ledger" (
    "id" BIGSERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "character_id" INTEGER,
    "currency" VARCHAR(16) NOT NULL,
    "delta" BIGINT NOT NULL,
    "balance_before" BIGINT NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "source" VARCHAR(16) NOT NULL,
    "actor" VARCHAR(80) NOT NULL,
    "idempotency_key" VARCHAR(128),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "currency_ledger_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "key" VARCHAR(128) NOT NULL,
    "action" VARCHAR(64) NOT NULL,
    "fingerprint" CHAR(64) NOT NULL,
    "result" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "game_events" (
    "id" BIGSERIAL NOT NULL,
    "kind" VARCHAR(64) NOT NULL,
    "account_id" INTEGER NOT NULL,
    "character_id" INTEGER,
    "payload" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),

    CONSTRAINT "game_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "currency_ledger_account_id_currency_id_idx" ON "currency_ledger"("account_id", "currency", "id");

-- CreateIndex
CREATE INDEX "currency_ledger_character_id_id_idx" ON "currency_ledger"("character_id", "id");

-- CreateIndex
CREATE INDEX "currency_ledger_idempotency_key_idx" ON "currency_ledger"("idempotency_key");

-- CreateIndex
CREATE INDEX "game_events_delivered_at_id_idx" ON "game_events"("delivered_at", "id");

-- AddForeignKey
ALTER TABLE "account_currencies" ADD CONSTRAINT "account_currencies_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "currency_ledger" ADD CONSTRAINT "currency_ledger_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "currency_ledger" ADD CONSTRAINT "currency_ledger_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: the rules the schema cannot express (see prisma/schema.prisma).
ALTER TABLE "account_currencies"
  ADD CONSTRAINT "account_currencies_currency_check" CHECK ("currency" IN ('premium', 'bonus')),
  ADD CONSTRAINT "account_currencies_balance_check" CHECK ("balance" >= 0);

ALTER TABLE "currency_ledger"
  ADD CONSTRAINT "currency_ledger_currency_check" CHECK ("currency" IN ('gold', 'premium', 'bonus')),
  ADD CONSTRAINT "currency_ledger_owner_check" CHECK (("currency" = 'gold') = ("character_id" IS NOT NULL)),
  ADD CONSTRAINT "currency_ledger_delta_check" CHECK ("delta" <> 0),
  ADD CONSTRAINT "currency_ledger_balances_check" CHECK ("balance_before" >= 0 AND "balance_after" >= 0),
  ADD CONSTRAINT "currency_ledger_chain_check" CHECK ("balance_before" + "delta" = "balance_after"),
  ADD CONSTRAINT "currency_ledger_source_check" CHECK ("source" IN ('quest', 'vendor', 'store', 'promo', 'gm', 'admin', 'gift', 'mail', 'system', 'migration'));

ALTER TABLE "idempotency_keys"
  ADD CONSTRAINT "idempotency_keys_fingerprint_check" CHECK ("fingerprint" ~ '^[0-9a-f]{64}$');

-- Hand-written: the gold ledger's history moves into the one ledger, in order, with the balance
-- before each change derived from its balance after; then the old table goes.
INSERT INTO "currency_ledger" ("account_id", "character_id", "currency", "delta", "balance_before", "balance_after",
    "reason", "source", "actor", "idempotency_key", "created_at")
  SELECT c."account_id", g."character_id", 'gold', g."delta", g."balance_after" - g."delta", g."balance_after",
    g."reason", 'migration', 'system:migration', g."idempotency_key", g."created_at"
  FROM "gold_ledger" g JOIN "characters" c ON c."id" = g."character_id"
  ORDER BY g."id";

ALTER TABLE "gold_ledger" DROP CONSTRAINT "gold_ledger_character_id_fkey";
DROP TABLE "gold_ledger";
