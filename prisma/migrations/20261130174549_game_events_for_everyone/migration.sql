-- AlterTable
ALTER TABLE "game_events" ALTER COLUMN "account_id" DROP NOT NULL;
