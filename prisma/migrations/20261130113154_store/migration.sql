-- CreateTable
CREATE TABLE "store_categories" (
    "id" INTEGER NOT NULL,
    "parent_id" INTEGER,
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(256) NOT NULL DEFAULT '',
    "sort_order" INTEGER NOT NULL DEFAULT 0,
    "visible" BOOLEAN NOT NULL DEFAULT true,
    "origin" VARCHAR(16) NOT NULL DEFAULT 'operator',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_categories_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_offers" (
    "id" INTEGER NOT NULL,
    "category_id" INTEGER NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "description" VARCHAR(512) NOT NULL DEFAULT '',
    "kind" VARCHAR(16) NOT NULL,
    "grants" JSONB NOT NULL,
    "price_premium" BIGINT,
    "price_bonus" BIGINT,
    "price_gold" BIGINT,
    "account_wide" BOOLEAN NOT NULL DEFAULT true,
    "giftable" BOOLEAN NOT NULL DEFAULT false,
    "available" BOOLEAN NOT NULL DEFAULT true,
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "display_flags" INTEGER NOT NULL DEFAULT 0,
    "origin" VARCHAR(16) NOT NULL DEFAULT 'operator',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_offers_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_promotions" (
    "id" SERIAL NOT NULL,
    "name" VARCHAR(64) NOT NULL,
    "percent" INTEGER NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "scope" VARCHAR(16) NOT NULL,
    "scope_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_promotions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "store_daily_deals" (
    "deal_date" DATE NOT NULL,
    "offer_id" INTEGER NOT NULL,
    "percent" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_daily_deals_pkey" PRIMARY KEY ("deal_date")
);

-- CreateTable
CREATE TABLE "store_purchases" (
    "id" BIGSERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "character_id" INTEGER,
    "offer_id" INTEGER NOT NULL,
    "offer_name" VARCHAR(64) NOT NULL,
    "currency" VARCHAR(16) NOT NULL,
    "base_price" BIGINT NOT NULL,
    "amount_paid" BIGINT NOT NULL,
    "discount_percent" INTEGER NOT NULL DEFAULT 0,
    "discount_source" VARCHAR(96),
    "is_gift" BOOLEAN NOT NULL DEFAULT false,
    "recipient_character_id" INTEGER,
    "mail_id" BIGINT,
    "grants" JSONB NOT NULL,
    "idempotency_key" VARCHAR(128),
    "refunded_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "store_purchases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account_collections" (
    "account_id" INTEGER NOT NULL,
    "collectible_type" VARCHAR(16) NOT NULL,
    "collectible_id" INTEGER NOT NULL,
    "unlock_source" VARCHAR(16) NOT NULL,
    "unlocked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "account_collections_pkey" PRIMARY KEY ("account_id","collectible_type","collectible_id")
);

-- CreateTable
CREATE TABLE "character_collections" (
    "character_id" INTEGER NOT NULL,
    "collectible_type" VARCHAR(16) NOT NULL,
    "collectible_id" INTEGER NOT NULL,
    "unlock_source" VARCHAR(16) NOT NULL,
    "unlocked_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "character_collections_pkey" PRIMARY KEY ("character_id","collectible_type","collectible_id")
);

-- CreateTable
CREATE TABLE "promo_codes" (
    "id" SERIAL NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "kind" VARCHAR(16) NOT NULL,
    "max_uses" INTEGER,
    "uses" INTEGER NOT NULL DEFAULT 0,
    "rewards" JSONB NOT NULL,
    "starts_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "disabled_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promo_codes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promo_redemptions" (
    "id" BIGSERIAL NOT NULL,
    "code_id" INTEGER NOT NULL,
    "account_id" INTEGER NOT NULL,
    "character_id" INTEGER,
    "redeemed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "promo_redemptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "promo_attempts" (
    "id" BIGSERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "code" VARCHAR(64) NOT NULL,
    "reason" VARCHAR(32) NOT NULL,
    "attempted_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "promo_attempts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "store_categories_parent_id_idx" ON "store_categories"("parent_id");

-- CreateIndex
CREATE INDEX "store_offers_category_id_idx" ON "store_offers"("category_id");

-- CreateIndex
CREATE INDEX "store_promotions_starts_at_ends_at_idx" ON "store_promotions"("starts_at", "ends_at");

-- CreateIndex
CREATE INDEX "store_purchases_account_id_id_idx" ON "store_purchases"("account_id", "id");

-- CreateIndex
CREATE UNIQUE INDEX "promo_codes_code_key" ON "promo_codes"("code");

-- CreateIndex
CREATE UNIQUE INDEX "promo_redemptions_code_id_account_id_key" ON "promo_redemptions"("code_id", "account_id");

-- CreateIndex
CREATE INDEX "promo_attempts_account_id_attempted_at_idx" ON "promo_attempts"("account_id", "attempted_at");

-- AddForeignKey
ALTER TABLE "store_categories" ADD CONSTRAINT "store_categories_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "store_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_category_id_fkey" FOREIGN KEY ("category_id") REFERENCES "store_categories"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_daily_deals" ADD CONSTRAINT "store_daily_deals_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "store_offers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_purchases" ADD CONSTRAINT "store_purchases_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "store_purchases" ADD CONSTRAINT "store_purchases_offer_id_fkey" FOREIGN KEY ("offer_id") REFERENCES "store_offers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_collections" ADD CONSTRAINT "account_collections_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "character_collections" ADD CONSTRAINT "character_collections_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_code_id_fkey" FOREIGN KEY ("code_id") REFERENCES "promo_codes"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promo_redemptions" ADD CONSTRAINT "promo_redemptions_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "promo_attempts" ADD CONSTRAINT "promo_attempts_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written CHECKs (Prisma does not model them).
ALTER TABLE "store_categories" ADD CONSTRAINT "store_categories_origin_check" CHECK ("origin" IN ('import', 'operator'));
ALTER TABLE "store_categories" ADD CONSTRAINT "store_categories_parent_check" CHECK ("parent_id" IS NULL OR "parent_id" <> "id");
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_origin_check" CHECK ("origin" IN ('import', 'operator'));
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_kind_check" CHECK ("kind" IN ('mount', 'pet', 'costume', 'title', 'bundle', 'currency_pack'));
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_prices_check" CHECK (
  ("price_premium" IS NULL OR "price_premium" >= 0) AND ("price_bonus" IS NULL OR "price_bonus" >= 0) AND ("price_gold" IS NULL OR "price_gold" >= 0));
ALTER TABLE "store_offers" ADD CONSTRAINT "store_offers_display_flags_check" CHECK ("display_flags" BETWEEN 0 AND 15);
ALTER TABLE "store_promotions" ADD CONSTRAINT "store_promotions_percent_check" CHECK ("percent" BETWEEN 0 AND 100);
ALTER TABLE "store_promotions" ADD CONSTRAINT "store_promotions_window_check" CHECK ("starts_at" < "ends_at");
ALTER TABLE "store_promotions" ADD CONSTRAINT "store_promotions_scope_check" CHECK (
  ("scope" = 'all' AND "scope_id" IS NULL) OR ("scope" IN ('category', 'offer') AND "scope_id" IS NOT NULL));
ALTER TABLE "store_daily_deals" ADD CONSTRAINT "store_daily_deals_percent_check" CHECK ("percent" BETWEEN 0 AND 100);
ALTER TABLE "store_purchases" ADD CONSTRAINT "store_purchases_currency_check" CHECK ("currency" IN ('premium', 'bonus', 'gold'));
ALTER TABLE "store_purchases" ADD CONSTRAINT "store_purchases_amounts_check" CHECK ("base_price" >= 0 AND "amount_paid" >= 0 AND "amount_paid" <= "base_price");
ALTER TABLE "store_purchases" ADD CONSTRAINT "store_purchases_discount_check" CHECK ("discount_percent" BETWEEN 0 AND 100);
ALTER TABLE "store_purchases" ADD CONSTRAINT "store_purchases_gift_check" CHECK ("is_gift" = ("recipient_character_id" IS NOT NULL));
ALTER TABLE "account_collections" ADD CONSTRAINT "account_collections_type_check" CHECK ("collectible_type" IN ('mount', 'pet'));
ALTER TABLE "character_collections" ADD CONSTRAINT "character_collections_type_check" CHECK ("collectible_type" IN ('mount', 'pet'));
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_kind_check" CHECK (
  ("kind" = 'single_use' AND "max_uses" = 1) OR ("kind" = 'multi_use' AND "max_uses" >= 1) OR ("kind" = 'per_account' AND ("max_uses" IS NULL OR "max_uses" >= 1)));
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_uses_check" CHECK ("uses" >= 0 AND ("max_uses" IS NULL OR "uses" <= "max_uses"));
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_code_check" CHECK ("code" = upper(btrim("code")) AND length("code") >= 1);
ALTER TABLE "promo_codes" ADD CONSTRAINT "promo_codes_window_check" CHECK ("starts_at" IS NULL OR "expires_at" IS NULL OR "starts_at" < "expires_at");
-- Promo codes may grant titles.
ALTER TABLE "account_titles" DROP CONSTRAINT "account_titles_source_check";
ALTER TABLE "account_titles" ADD CONSTRAINT "account_titles_source_check" CHECK ("source" IN ('reputation', 'achievement', 'quest', 'path', 'store', 'event', 'gm', 'promo'));
