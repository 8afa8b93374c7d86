import type { Prisma } from "../generated/prisma/client";

/** The columns contexts return: never the password hash or the session key itself. */
export const accountSelect = {
  id: true,
  email: true,
  role: true,
  activeTitleId: true,
  sessionKeyCreatedAt: true,
  createdAt: true,
} satisfies Prisma.AccountSelect;

/** An account as the contexts return it (no secrets). */
export type AccountRecord = Prisma.AccountGetPayload<{ select: typeof accountSelect }>;
