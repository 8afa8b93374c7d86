import { AccountRole } from "../generated/prisma/enums";

/** Account roles as an `as const` table: player (default), gm, admin. */
export const ACCOUNT_ROLES: typeof AccountRole = AccountRole;

/** Union of the values of {@link ACCOUNT_ROLES}. */
export type { AccountRole } from "../generated/prisma/enums";
