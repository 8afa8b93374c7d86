// Factories that make unique rows, so tests never depend on each other's data or order.
import { randomBytes, randomUUID } from "node:crypto";
import { accountSelect, type AccountRecord } from "../accounts/account-record.js";
import { hashPassword } from "../accounts/password.js";
import { createCharacter, type CreateCharacterOptions } from "../characters/create-character.js";
import type { DbClient } from "../client.js";
import type { AccountRole, Character } from "../generated/prisma/client";
import { loadTestRules } from "./rules.js";

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

// scrypt is deliberately slow; hash each distinct test password once per process. Salts are
// then shared between factory accounts, which is fine for test data and only for test data.
const hashes = new Map<string, Promise<string>>();

/**
 * Creates an account with a unique email (stored like createAccount stores it); returns it with
 * the plain password, which verifyPassword accepts. Rejects on a duplicate email.
 */
export async function makeAccount(db: DbClient, options: MakeAccountOptions = {}): Promise<AccountRecord & { password: string }> {
  const password = options.password ?? "correct horse battery";
  let hash = hashes.get(password);
  if (!hash) {
    hash = hashPassword(password);
    hashes.set(password, hash);
  }
  const account = await db.account.create({
    data: { email: (options.email ?? uniqueEmail()).trim().toLowerCase(), passwordHash: await hash, role: options.role ?? "player" },
    select: accountSelect,
  });
  return { ...account, password };
}

/** Options for {@link makeCharacter}; everything defaults, the account is made when omitted. */
export type MakeCharacterOptions = Partial<CreateCharacterOptions>;

/** Creates a character with a unique name (and an account for it unless `accountId` is given). */
export async function makeCharacter(db: DbClient, options: MakeCharacterOptions = {}): Promise<Character> {
  const accountId = options.accountId ?? (await makeAccount(db)).id;
  const rules = options.rules ?? (await loadTestRules());
  return createCharacter(db, { race: 1, class: 1, sex: 0, faction: 166, name: uniqueCharacterName(), ...options, rules, accountId });
}
