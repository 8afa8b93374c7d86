import type { FriendsOptions, MailOptions } from "@bezgelor/db";
import type { WorldConfig } from "../config/schema";

/** The friend actions' options from the world config (`friends`). */
export function friendsOptions(config: WorldConfig): FriendsOptions {
  const { maxFriends, maxIgnored, maxRivals, maxPendingInvites, inviteLifetimeSeconds } = config.friends;
  return { maxFriends, maxIgnored, maxRivals, maxPendingInvites, inviteLifetimeSeconds };
}

/** The mail actions' options from the world config (`mail`); postage in copper as a bigint. */
export function mailOptions(config: WorldConfig): MailOptions {
  return { postage: BigInt(config.mail.postage), expiryDays: config.mail.expiryDays };
}
