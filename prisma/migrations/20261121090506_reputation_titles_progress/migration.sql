-- CreateTable
CREATE TABLE "character_reputations" (
    "character_id" INTEGER NOT NULL,
    "faction_id" INTEGER NOT NULL,
    "standing" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "character_reputations_pkey" PRIMARY KEY ("character_id","faction_id")
);

-- CreateTable
CREATE TABLE "account_titles" (
    "account_id" INTEGER NOT NULL,
    "title_id" INTEGER NOT NULL,
    "unlocked_at" TIMESTAMPTZ(3) NOT NULL,
    "source" TEXT NOT NULL,
    "expires_at" TIMESTAMPTZ(3),

    CONSTRAINT "account_titles_pkey" PRIMARY KEY ("account_id","title_id")
);

-- CreateTable
CREATE TABLE "character_quests" (
    "character_id" INTEGER NOT NULL,
    "quest_id" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "accepted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "completed_at" TIMESTAMPTZ(3),

    CONSTRAINT "character_quests_pkey" PRIMARY KEY ("character_id","quest_id")
);

-- CreateTable
CREATE TABLE "character_achievements" (
    "character_id" INTEGER NOT NULL,
    "achievement_id" INTEGER NOT NULL,
    "earned_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "character_achievements_pkey" PRIMARY KEY ("character_id","achievement_id")
);

-- CreateTable
CREATE TABLE "character_path_levels" (
    "character_id" INTEGER NOT NULL,
    "path" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "character_path_levels_pkey" PRIMARY KEY ("character_id","path")
);

-- CreateTable
CREATE TABLE "character_inventory" (
    "character_id" INTEGER NOT NULL,
    "item_id" INTEGER NOT NULL,
    "count" INTEGER NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "character_inventory_pkey" PRIMARY KEY ("character_id","item_id")
);

-- AddForeignKey
ALTER TABLE "character_reputations" ADD CONSTRAINT "character_reputations_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account_titles" ADD CONSTRAINT "account_titles_account_id_fkey" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "character_quests" ADD CONSTRAINT "character_quests_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "character_achievements" ADD CONSTRAINT "character_achievements_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "character_path_levels" ADD CONSTRAINT "character_path_levels_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "character_inventory" ADD CONSTRAINT "character_inventory_character_id_fkey" FOREIGN KEY ("character_id") REFERENCES "characters"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Hand-written: CHECK constraints (Prisma does not model them; the drift test ignores them).
-- Faction and title ids travel as 14-bit fields in the client's packets.
ALTER TABLE "character_reputations" ADD CONSTRAINT "character_reputations_faction_id_check" CHECK ("faction_id" BETWEEN 1 AND 16383);

ALTER TABLE "account_titles" ADD CONSTRAINT "account_titles_title_id_check" CHECK ("title_id" BETWEEN 1 AND 16383);
ALTER TABLE "account_titles" ADD CONSTRAINT "account_titles_source_check" CHECK ("source" IN ('reputation', 'achievement', 'quest', 'path', 'store', 'event', 'gm'));
ALTER TABLE "account_titles" ADD CONSTRAINT "account_titles_expires_at_check" CHECK ("expires_at" IS NULL OR "expires_at" > "unlocked_at");
ALTER TABLE "accounts" ADD CONSTRAINT "accounts_active_title_id_check" CHECK ("active_title_id" BETWEEN 1 AND 16383);

-- completed_at is set exactly when the quest is completed.
ALTER TABLE "character_quests" ADD CONSTRAINT "character_quests_quest_id_check" CHECK ("quest_id" >= 1);
ALTER TABLE "character_quests" ADD CONSTRAINT "character_quests_state_check" CHECK ("state" IN ('accepted', 'completed'));
ALTER TABLE "character_quests" ADD CONSTRAINT "character_quests_completed_at_check" CHECK (("state" = 'completed') = ("completed_at" IS NOT NULL));

ALTER TABLE "character_achievements" ADD CONSTRAINT "character_achievements_achievement_id_check" CHECK ("achievement_id" >= 1);

ALTER TABLE "character_path_levels" ADD CONSTRAINT "character_path_levels_path_check" CHECK ("path" IN ('soldier', 'settler', 'scientist', 'explorer'));
ALTER TABLE "character_path_levels" ADD CONSTRAINT "character_path_levels_level_check" CHECK ("level" BETWEEN 0 AND 100);

ALTER TABLE "character_inventory" ADD CONSTRAINT "character_inventory_item_id_check" CHECK ("item_id" >= 1);
ALTER TABLE "character_inventory" ADD CONSTRAINT "character_inventory_count_check" CHECK ("count" >= 0);
