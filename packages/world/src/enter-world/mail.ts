import { MAIL_FLAG } from "@bezgelor/core";
import { listMail } from "@bezgelor/db";
import { ServerMailAvailable } from "@bezgelor/protocol";
import { mailEntry } from "../game/mail-packets";
import { enterWorldStep } from "./step";

/** Mail: ServerMailAvailable with the whole mailbox; `newMail` when any of it is unread. */
export const mail = enterWorldStep({
  name: "mail",
  load: ({ services, characterId }) => listMail(services.db, { characterId }),
  send({ session, services, now }, mails) {
    session.send(ServerMailAvailable, {
      newMail: mails.some((m) => (m.flags & MAIL_FLAG.IsRead) === 0),
      mails: mails.map((m) => mailEntry(services.config.server.realmId, m, now)),
    });
  },
});
