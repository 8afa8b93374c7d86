-- AlterTable
ALTER TABLE "characters" ADD COLUMN     "xp" INTEGER NOT NULL DEFAULT 0;

-- Experience is never negative.
ALTER TABLE "characters" ADD CONSTRAINT "characters_xp_check" CHECK ("xp" >= 0);
