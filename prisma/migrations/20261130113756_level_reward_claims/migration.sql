-- CreateTable
CREATE TABLE "level_reward_claims" (
    "owner_kind" TEXT NOT NULL,
    "owner_id" INTEGER NOT NULL,
    "track" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "claimed_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "level_reward_claims_pkey" PRIMARY KEY ("owner_kind","owner_id","track","level")
);

-- Hand-written: CHECK constraints (Prisma does not model them; the drift test ignores them).
-- owner_kind mirrors LEVEL_REWARD_OWNER_KINDS in @bezgelor/db (a test compares them).
ALTER TABLE "level_reward_claims" ADD CONSTRAINT "level_reward_claims_owner_kind_check" CHECK ("owner_kind" IN ('character', 'account'));
ALTER TABLE "level_reward_claims" ADD CONSTRAINT "level_reward_claims_owner_id_check" CHECK ("owner_id" >= 1);
ALTER TABLE "level_reward_claims" ADD CONSTRAINT "level_reward_claims_track_check" CHECK ("track" ~ '^[a-z][a-z0-9_-]*(:[a-z0-9_-]+)*$' AND length("track") <= 64);
ALTER TABLE "level_reward_claims" ADD CONSTRAINT "level_reward_claims_level_check" CHECK ("level" >= 1);

-- Hand-written: every path level a character holds today was paid when it was reached (setPathLevel
-- paid the rewards of each level passed on the way up), so each is claimed: regaining it after this
-- migration pays nothing again. Levels without a reward in the data are harmless to claim.
INSERT INTO "level_reward_claims" ("owner_kind", "owner_id", "track", "level")
SELECT 'character', p."character_id", 'path:' || p."path", l.level
FROM "character_path_levels" p CROSS JOIN LATERAL generate_series(1, p."level") AS l(level)
ON CONFLICT DO NOTHING;
