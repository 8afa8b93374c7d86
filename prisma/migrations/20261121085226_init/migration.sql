-- CreateEnum
CREATE TYPE "account_role" AS ENUM ('player', 'gm', 'admin');

-- CreateTable
CREATE TABLE "accounts" (
    "id" SERIAL NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "password_hash" TEXT NOT NULL,
    "role" "account_role" NOT NULL DEFAULT 'player',
    "session_key" CHAR(32),
    "session_key_created_at" TIMESTAMPTZ(3),
    "active_title_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "characters" (
    "id" SERIAL NOT NULL,
    "account_id" INTEGER NOT NULL,
    "name" VARCHAR(24) NOT NULL,
    "name_key" VARCHAR(24) NOT NULL,
    "race" INTEGER NOT NULL,
    "class" INTEGER NOT NULL,
    "sex" INTEGER NOT NULL,
    "faction" INTEGER NOT NULL,
    "level" INTEGER NOT NULL DEFAULT 1,
    "world_id" INTEGER NOT NULL DEFAULT 0,
    "zone_id" INTEGER NOT NULL DEFAULT 0,
    "position_x" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "position_y" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "position_z" DOUBLE PRECISION NOT NULL DEFAULT 0,
    "gold" BIGINT NOT NULL DEFAULT 0,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_login_at" TIMESTAMPTZ(3),

    CONSTRAINT "characters_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gold_ledger" (
    "id" BIGSERIAL NOT NULL,
    "character_id" INTEGER NOT NULL,
    "delta" BIGINT NOT NULL,
    "balance_after" BIGINT NOT NULL,
    "reason" VARCHAR(64) NOT NULL,
    "idempotency_key" VARCHAR(128),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gold_ledger_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "accounts_email_key" ON "accounts"("email");

-- CreateIndex
CREATE UNIQUE INDEX "characters_name_key_key" ON "characters"("name_key");

-- CreateIndex
CREATE INDEX "characters_account_id_idx" ON "characters"("account_id");

-- CreateIndex
CREATE INDEX "gold_ledger_character_id_created_at_idx" ON "gold_ledger"("character_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "gold_ledger_character_id_idempotency_key_key" ON "gold_ledger"("character_id", "idempotency_key");

-- AddForeignKey
ALTER TABLE "characters" ADD CONSTRAINT "characters_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gold_ledger" ADD CONSTRAINT "gold_ledger_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: CHECK constraints (Prisma does not model them; the drift test ignores them).
-- Emails are stored trimmed and lowercased, which makes the unique index case-insensitive.
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_email_normalised_check" CHECK ("email" = lower(btrim("email")) AND "email" <> '');
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_session_key_format_check" CHECK ("session_key" ~ '^[0-9a-f]{32}$');
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_session_key_pair_check" CHECK (("session_key" IS NULL) = ("session_key_created_at" IS NULL));

-- name_key carries the case-insensitive uniqueness of character names.
ALTER TABLE "characters" ADD CONSTRAINT "characters_name_key_check" CHECK ("name_key" = lower("name"));
ALTER TABLE "characters" ADD CONSTRAINT "characters_level_check" CHECK ("level" BETWEEN 1 AND 50);
ALTER TABLE "characters" ADD CONSTRAINT "characters_gold_check" CHECK ("gold" >= 0);

ALTER TABLE "gold_ledger" ADD CONSTRAINT "gold_ledger_delta_check" CHECK ("delta" <> 0);
ALTER TABLE "gold_ledger" ADD CONSTRAINT "gold_ledger_balance_after_check" CHECK ("balance_after" >= 0);
