// Factories that make unique rows, so tests never depend on each other's data or order.
import { randomBytes, randomUUID } from "node:crypto";
import { createAccount } from "../accounts/create-account.js";
import type { AccountRecord } from "../accounts/account-record.js";
import { createCharacter, type CreateCharacterOptions } from "../characters/create-character.js";
import type { DbClient } from "../client.js";
import type { AccountRole, Character } from "../generated/prisma/client";

/** A unique, valid character name: "T" plus 12 random letters. */
export function uniqueCharacterName(prefix = "T"): string {
  const letters = [...randomBytes(12)].map((b) => String.fromCharCode(97 + (b % 26))).join("");
  return `${prefix}${letters}`.slice(0, 24);
}

/** A unique email at a reserved test domain. */
export function uniqueEmail(): string {
  return `test-${randomUUID()}@example.test`;
}

/** Options for {@link makeAccount}. */
export interface MakeAccountOptions {
  email?: string;
  password?: string;
  role?: AccountRole;
}

/** Creates an account with a unique email; returns it with the plain password used. */
export async function makeAccount(db: DbClient, options: MakeAccountOptions = {}): Promise<AccountRecord & { password: string }> {
  const password = options.password ?? "correct horse battery";
  const account = await createAccount(db, { email: options.email ?? uniqueEmail(), password, ...(options.role ? { role: options.role } : {}) });
  return { ...account, password };
}

/** Options for {@link makeCharacter}; everything defaults, the account is made when omitted. */
export type MakeCharacterOptions = Partial<CreateCharacterOptions>;

/** Creates a character with a unique name (and an account for it unless `accountId` is given). */
export async function makeCharacter(db: DbClient, options: MakeCharacterOptions = {}): Promise<Character> {
  const accountId = options.accountId ?? (await makeAccount(db)).id;
  return createCharacter(db, { race: 1, class: 1, sex: 0, faction: 166, name: uniqueCharacterName(), ...options, accountId });
}
