import type { Prisma } from "../generated/prisma/client";
import type { PathKey } from "@bezgelor/data";

/**
 * Sets the character's level in a path in the caller's transaction, returning the level before.
 * The row is created if missing and locked before it is read, so `before` is exact even when calls
 * race (the last one wins). The character must exist (the action checked).
 */
export async function updatePathLevel(tx: Prisma.TransactionClient, characterId: number, path: PathKey, level: number): Promise<number> {
  await tx.$executeRaw`INSERT INTO "character_path_levels" ("character_id", "path", "level") VALUES (${characterId}, ${path}, 0)
    ON CONFLICT ("character_id", "path") DO NOTHING`;
  const rows = await tx.$queryRaw<Array<{ level: number }>>`SELECT "level" FROM "character_path_levels"
    WHERE "character_id" = ${characterId} AND "path" = ${path} FOR UPDATE`;
  await tx.$executeRaw`UPDATE "character_path_levels" SET "level" = ${level}, "updated_at" = CURRENT_TIMESTAMP
    WHERE "character_id" = ${characterId} AND "path" = ${path}`;
  return Number(rows[0]?.level ?? 0);
}
