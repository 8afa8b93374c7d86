// Shared by the account commands: the role option and how an account is shown.
import { ACCOUNT_ROLES, type AccountRole } from "@bezgelor/db";
import { WorldError } from "../../errors";

export const ROLES = Object.values(ACCOUNT_ROLES);

export function parseRole(value: string): AccountRole {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new WorldError("USAGE", `unknown role ${value}; expected one of ${ROLES.join(", ")}`);
  return role;
}

export interface AccountView {
  id: number;
  email: string;
  role: string;
  createdAt: Date;
}

export function view(a: AccountView): AccountView {
  return { id: a.id, email: a.email, role: a.role, createdAt: a.createdAt };
}

export const human = (a: AccountView) => `account ${a.id}  ${a.email}  role=${a.role}  created=${a.createdAt.toISOString()}`;
