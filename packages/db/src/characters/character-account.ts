import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";

/**
 * The account of a character, read in the caller's transaction before an action writes anything,
 * so an unknown character is a clear CHARACTER_NOT_FOUND rather than a foreign key violation
 * (which on PostgreSQL would abort the transaction). Throws DbError CHARACTER_NOT_FOUND.
 */
export async function characterAccountId(tx: Prisma.TransactionClient, characterId: number): Promise<number> {
  const row = await tx.character.findUnique({ where: { id: characterId }, select: { accountId: true } });
  if (!row) throw new DbError(DB_ERROR_CODES.CHARACTER_NOT_FOUND, `No character ${characterId}`, { details: { characterId } });
  return row.accountId;
}
