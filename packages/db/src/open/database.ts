import type { PrismaClient } from "../generated/prisma/client";

/** Which backend a {@link Database} talks to. */
export const DATABASE_KINDS = ["postgres", "pglite", "pglite-remote"] as const;
/** `postgres` (DATABASE_URL), `pglite` (embedded, this process) or `pglite-remote` (another process's embedded database, through its socket). */
export type DatabaseKind = (typeof DATABASE_KINDS)[number];

/**
 * Subscribes to a notification channel; resolves to the unsubscribe function. Notifications
 * arrive only for committed transactions, in commit order, with the notifier's payload.
 */
export type Listen = (channel: string, onNotify: (payload: string) => void) => Promise<() => Promise<void>>;

/** An open database. Pass `client` to the contexts; call `close()` once when done. */
export interface Database {
  readonly client: PrismaClient;
  /**
   * A client on a connection of its own, for the event outbox's claims: on the shared pool a claim
   * waits behind every queued action (a busy server's actions each wait for the claim after them,
   * so they would wait for the whole queue twice). Absent where there is no pool (use `client`).
   */
  readonly delivery?: PrismaClient;
  readonly kind: DatabaseKind;
  /** LISTEN on a channel (see {@link Listen}). */
  readonly listen: Listen;
  /** Disconnects, stops sharing and releases the directory lock. Never rejects; safe to call twice. */
  close(): Promise<void>;
}

/** Runs every cleanup step even if one fails; the first failure is logged by the caller. */
export function closer(steps: Array<() => unknown>, onError: (error: unknown) => void): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      for (const step of steps) {
        try {
          await step();
        } catch (error) {
          onError(error);
        }
      }
    })();
    return closing;
  };
}
