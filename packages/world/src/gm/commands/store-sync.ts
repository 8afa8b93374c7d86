import { WorldError } from "../../errors";
import { gmCommand } from "../command";

/**
 * `!store_sync`: replays the store's offline journal now (the server also does every
 * store.journalRetrySeconds while purchases wait) and says how it went. Throws WorldError
 * NOT_AVAILABLE when the server runs without a journal.
 */
export const storeSync = gmCommand({
  name: "store_sync",
  role: "admin",
  usage: "!store_sync",
  summary: "apply the store purchases waiting in the offline journal now",
  maxArgs: 0,
  async run(ctx) {
    const journal = ctx.services.storeJournal;
    if (!journal) throw new WorldError("NOT_AVAILABLE", "this server runs without a store journal");
    const r = await journal.replay();
    return `store sync: ${r.committed} committed, ${r.failed} failed, ${r.remaining} waiting${r.held > 0 ? `, ${r.held} held (another database's or naming none; see the log)` : ""}${r.stopped ? ` (stopped: ${r.stopped})` : ""}`;
  },
});
