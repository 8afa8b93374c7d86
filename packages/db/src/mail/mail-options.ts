import { z } from "zod";

/**
 * Mail configuration (the world maps its config onto it): `postage`, the gold a player pays to
 * send one mail (a sink, with its own ledger entry; default 10), and `expiryDays`, how long mail
 * waits in a mailbox before the sweep returns or settles it (default 30, as NexusForever's
 * MailItem.ExpiryTime).
 */
export const MailOptionsSchema = z.object({
  postage: z.bigint().min(0n).max(1_000_000_000n).default(10n),
  expiryDays: z.number().int().min(1).max(3650).default(30),
});

/** The parsed {@link MailOptionsSchema}. */
export type MailOptions = z.output<typeof MailOptionsSchema>;

/** What callers pass (every field optional). */
export type MailOptionsInput = z.input<typeof MailOptionsSchema>;

/** The defaults, for schemas that default the whole options object. */
export const DEFAULT_MAIL_OPTIONS: MailOptions = MailOptionsSchema.parse({});
