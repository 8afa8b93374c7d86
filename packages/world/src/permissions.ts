import { getAccountRole, type AccountRole, type DbClient } from "@bezgelor/db";
import { WorldError } from "./errors";

/** Each role holds every permission of the roles before it: player < gm < admin. */
const ROLE_RANK: Readonly<Record<AccountRole, number>> = { player: 0, gm: 1, admin: 2 };

/** Whether an account with `role` may do what needs `needed`. Never throws. */
export function roleAllows(role: AccountRole, needed: AccountRole): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[needed];
}

/**
 * The one permission check of GM commands: reads the account's role from the database now (never
 * a cached copy, so `bezgelor account role` applies to the next request) and refuses unless it
 * allows `needed`. Returns the role read.
 * Throws WorldError FORBIDDEN (naming `what` and the role needed); DbError ACCOUNT_NOT_FOUND or an
 * outage from the read.
 */
export async function requireRole(db: DbClient, accountId: number, needed: AccountRole, what: string): Promise<AccountRole> {
  const role = await getAccountRole(db, { accountId });
  if (!roleAllows(role, needed)) {
    throw new WorldError("FORBIDDEN", `${what} needs a${needed === "admin" ? "n" : ""} ${needed} account`, { details: { role, needed } });
  }
  return role;
}
