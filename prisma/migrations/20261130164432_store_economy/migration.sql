-- AlterTable
ALTER TABLE "store_offers" ADD COLUMN     "demand_cap_percent" INTEGER,
ADD COLUMN     "demand_rate_bp" INTEGER,
ADD COLUMN     "limit_count" INTEGER,
ADD COLUMN     "limit_period" VARCHAR(16),
ADD COLUMN     "max_quantity" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "sold" BIGINT NOT NULL DEFAULT 0,
ADD COLUMN     "stock" INTEGER,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "store_exchange_rates" (
    "from_currency" VARCHAR(16) NOT NULL,
    "to_currency" VARCHAR(16) NOT NULL,
    "numerator" BIGINT NOT NULL,
    "denominator" BIGINT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updated_by" VARCHAR(80) NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_exchange_rates_pkey" PRIMARY KEY ("from_currency","to_currency")
);

-- CreateTable
CREATE TABLE "store_admin_edits" (
    "id" BIGSERIAL NOT NULL,
    "subject" VARCHAR(16) NOT NULL,
    "offer_id" INTEGER,
    "rate_key" VARCHAR(40),
    "field" VARCHAR(32) NOT NULL,
    "version" INTEGER NOT NULL,
    "before" JSONB NOT NULL,
    "after" JSONB NOT NULL,
    "actor" VARCHAR(80) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_admin_edits_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_vip" (
    "account_id" INTEGER NOT NULL,
    "tier" INTEGER NOT NULL,
    "set_by" VARCHAR(80) NOT NULL,
    "set_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_vip_pkey" PRIMARY KEY ("account_id")
);

-- CreateTable
CREATE TABLE "store_transactions" (
    "id" VARCHAR(128) NOT NULL,
    "account_id" INTEGER NOT NULL,
    "character_id" INTEGER,
    "offer_id" INTEGER NOT NULL,
    "quantity" INTEGER NOT NULL,
    "currency" VARCHAR(16) NOT NULL,
    "amount" BIGINT NOT NULL DEFAULT 0,
    "breakdown" JSONB NOT NULL,
    "balance_before" BIGINT,
    "balance_after" BIGINT,
    "status" VARCHAR(16) NOT NULL,
    "reason" VARCHAR(256),
    "ledger_entry_id" BIGINT,
    "purchase_id" BIGINT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_transactions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "store_admin_edits_offer_id_id_idx" ON "store_admin_edits"("offer_id", "id");

-- CreateIndex
CREATE INDEX "store_transactions_account_id_created_at_idx" ON "store_transactions"("account_id", "created_at");

-- CreateIndex
CREATE INDEX "store_transactions_offer_id_status_idx" ON "store_transactions"("offer_id", "status");

-- AddForeignKey
ALTER TABLE "account_vip" ADD CONSTRAINT "account_vip_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_transactions" ADD CONSTRAINT "store_transactions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_transactions" ADD CONSTRAINT "store_transactions_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "store_offers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CHECKs (by hand). The lists mirror PURCHASE_LIMIT_PERIOD (@bezgelor/data), STORE_CURRENCY,
-- STORE_TRANSACTION_STATUS and LEDGER_SOURCES (@bezgelor/db); check-constants.db.test.ts compares them.
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_stock_check" CHECK ("stock" IS NULL OR "stock" >= 0);
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_sold_check" CHECK ("sold" >= 0);
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_version_check" CHECK ("version" >= 1);
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_demand_check" CHECK (
  ("demand_rate_bp" IS NULL AND "demand_cap_percent" IS NULL)
  OR ("demand_rate_bp" BETWEEN 1 AND 10000 AND "demand_cap_percent" BETWEEN 100 AND 10000));
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_limit_check" CHECK (
  ("limit_period" IS NULL AND "limit_count" IS NULL)
  OR ("limit_period" IN ('daily', 'weekly', 'lifetime') AND "limit_count" >= 1));
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_max_quantity_check" CHECK ("max_quantity" BETWEEN 1 AND 1000);
ALTER TABLE "store_exchange_rates" ADD CONSTRAINT "store_exchange_rates_currency_check" CHECK (
  "from_currency" IN ('premium', 'bonus', 'gold') AND "to_currency" IN ('premium', 'bonus', 'gold') AND "from_currency" <> "to_currency");
ALTER TABLE "store_exchange_rates" ADD CONSTRAINT "store_exchange_rates_rate_check" CHECK ("numerator" >= 1 AND "denominator" >= 1);
ALTER TABLE "store_admin_edits" ADD CONSTRAINT "store_admin_edits_subject_check" CHECK (
  ("subject" = 'offer' AND "offer_id" IS NOT NULL AND "rate_key" IS NULL) OR ("subject" = 'rate' AND "rate_key" IS NOT NULL AND "offer_id" IS NULL));
ALTER TABLE "account_vip" ADD CONSTRAINT "account_vip_tier_check" CHECK ("tier" BETWEEN 0 AND 100);
ALTER TABLE "store_transactions" ADD CONSTRAINT "store_transactions_status_check" CHECK ("status" IN ('pending', 'committed', 'failed', 'pending_offline'));
ALTER TABLE "store_transactions" ADD CONSTRAINT "store_transactions_currency_check" CHECK ("currency" IN ('premium', 'bonus', 'gold'));
ALTER TABLE "store_transactions" ADD CONSTRAINT "store_transactions_quantity_check" CHECK ("quantity" >= 1);
ALTER TABLE "store_transactions" ADD CONSTRAINT "store_transactions_amount_check" CHECK ("amount" >= 0);
-- A failed transaction says why; a committed one moved exactly its amount (or nothing, when free).
ALTER TABLE "store_transactions" ADD CONSTRAINT "store_transactions_reason_check" CHECK (("status" = 'failed') = ("reason" IS NOT NULL));
ALTER TABLE "store_transactions" ADD CONSTRAINT "store_transactions_balance_check" CHECK (
  "status" <> 'committed' OR "amount" = 0 OR ("balance_before" IS NOT NULL AND "balance_after" = "balance_before" - "amount"));

-- VIP tier rewards are paid through the ledger with their own source.
ALTER TABLE "currency_ledger" DROP CONSTRAINT "currency_ledger_source_check";
ALTER TABLE "currency_ledger" ADD CONSTRAINT "currency_ledger_source_check" CHECK ("source" IN ('quest', 'vendor', 'store', 'promo', 'gm', 'admin', 'gift', 'mail', 'system', 'migration', 'vip'));
