import { randomBytes } from "node:crypto";
import { z } from "zod";
import type { DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isRecordNotFound, toDbError } from "../errors.js";
import { EmailSchema, parseInput } from "../validation.js";

/** Options for {@link issueSessionKey}. */
export interface IssueSessionKeyOptions {
  email: string;
  /** Issue time (tests); defaults to now. */
  now?: Date;
}

/** A freshly issued realm session key. */
export interface IssuedSessionKey {
  accountId: number;
  email: string;
  /** 32 lowercase hex digits (16 random bytes), as the realm server hands it to the client. */
  sessionKey: string;
  createdAt: Date;
}

const IssueSessionKeyInput = z.object({ email: EmailSchema, now: z.date().optional() });

/**
 * Issues a new random session key for the account, replacing any previous one (only the latest
 * key is valid). Throws DbError ACCOUNT_NOT_FOUND, INVALID_INPUT (not an email address).
 */
export async function issueSessionKey(db: DbClient, options: IssueSessionKeyOptions): Promise<IssuedSessionKey> {
  const input = parseInput(IssueSessionKeyInput, options);
  const sessionKey = randomBytes(16).toString("hex");
  const createdAt = input.now ?? new Date();
  try {
    const account = await db.account.update({
      where: { email: input.email },
      data: { sessionKey, sessionKeyCreatedAt: createdAt },
      select: { id: true, email: true },
    });
    return { accountId: account.id, email: account.email, sessionKey, createdAt };
  } catch (error) {
    if (isRecordNotFound(error)) {
      throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account with email ${input.email}`, {
        cause: error,
        details: { email: input.email },
      });
    }
    throw toDbError(error, "Issuing the session key failed");
  }
}
