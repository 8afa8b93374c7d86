import { z } from "zod";

/**
 * Friend list configuration (the world maps its config onto it): per-character limits, how many
 * invites may wait for one character, and how long an invite lives. Defaults: 100 friends, 100
 * ignored, 100 rivals, 10 waiting invites, 7 days.
 */
export const FriendsOptionsSchema = z.object({
  maxFriends: z.number().int().min(0).max(10_000).default(100),
  maxIgnored: z.number().int().min(0).max(10_000).default(100),
  maxRivals: z.number().int().min(0).max(10_000).default(100),
  maxPendingInvites: z.number().int().min(1).max(10_000).default(10),
  inviteLifetimeSeconds: z
    .number()
    .int()
    .min(1)
    .max(365 * 86_400)
    .default(7 * 86_400),
});

/** The parsed {@link FriendsOptionsSchema}. */
export type FriendsOptions = z.output<typeof FriendsOptionsSchema>;

/** What callers pass (every field optional). */
export type FriendsOptionsInput = z.input<typeof FriendsOptionsSchema>;
