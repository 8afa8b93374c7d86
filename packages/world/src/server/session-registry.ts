import { FORCE_KICK_REASON, ServerForceKick } from "@bezgelor/protocol";
import type { Session } from "./session";

/** Open sessions, and which one each logged-in account uses: an account plays from one place at a time. */
export class SessionRegistry {
  private readonly byId = new Map<number, Session>();
  private readonly byAccount = new Map<number, Session>();

  add(session: Session): void {
    this.byId.set(session.id, session);
  }

  remove(session: Session): void {
    this.byId.delete(session.id);
    if (session.account && this.byAccount.get(session.account.id) === session) this.byAccount.delete(session.account.id);
  }

  /**
   * Makes `session` its account's session; an older session of the account is told why
   * (ServerForceKick AccountDisconnect, which the client shows) and closed.
   */
  claimAccount(session: Session): void {
    if (!session.account) return;
    const older = this.byAccount.get(session.account.id);
    if (older && older !== session) {
      older.send(ServerForceKick, { reason: FORCE_KICK_REASON.AccountDisconnect });
      older.close({ reason: "account logged in elsewhere", violation: false });
    }
    this.byAccount.set(session.account.id, session);
  }

  ofAccount(accountId: number): Session | undefined {
    return this.byAccount.get(accountId);
  }

  all(): Session[] {
    return [...this.byId.values()];
  }

  get size(): number {
    return this.byId.size;
  }
}
