import { MAIL_FLAG } from "@bezgelor/core";
import { listMail } from "@bezgelor/db";
import { ServerMailAvailable } from "@bezgelor/protocol";
import { mailEntry } from "../game/mail-packets";
import type { HandlerContext } from "../handlers/types";

/**
 * Entering the world, mail: ServerMailAvailable with the whole mailbox; `newMail` when any of it
 * is unread.
 */
export async function sendMailOnEnter({ session, services }: HandlerContext): Promise<void> {
  const now = new Date();
  const mails = await listMail(services.db, { characterId: session.requireCharacter().id });
  session.send(ServerMailAvailable, {
    newMail: mails.some((m) => (m.flags & MAIL_FLAG.IsRead) === 0),
    mails: mails.map((m) => mailEntry(services.config.server.realmId, m, now)),
  });
}
