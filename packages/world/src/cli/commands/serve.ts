import { storeCatalogOf } from "@bezgelor/data";
import { importStoreCatalog } from "@bezgelor/db";
import { loadConfiguredGameData } from "../../config/game-data";
import { checkCanListen } from "../../server/listen-check";
import { startWorldServer, type WorldServer } from "../../server/world-server";
import { WorldError } from "../../errors";
import { OfflineJournal, tornTailMessage } from "../../journal/offline-journal";
import { defineCommand, type CommandContext } from "../command";
import { stopSignal } from "../stop-signal";

export const serve = defineCommand({
  path: ["serve"],
  role: "admin",
  summary: "run the world server (embedded database unless DATABASE_URL is set)",
  options: {
    port: { type: "string", description: "port to listen on (overrides BEZGELOR_PORT)", env: "BEZGELOR_PORT" },
    host: { type: "string", description: "address to listen on (overrides BEZGELOR_HOST)", env: "BEZGELOR_HOST" },
  },
  printsData: false,
  async run(ctx) {
    // Listening for a stop from the very start: a signal during start-up waits for it to finish.
    const stop = stopSignal(ctx.logger);
    let server: WorldServer;
    try {
      server = await start(ctx);
    } catch (error) {
      stop.dispose();
      throw error;
    }
    if (stop.requested) ctx.logger.info("a stop was requested while starting: stopping now");
    const signal = await stop.received;
    ctx.logger.info({ signal }, "stop requested");
    await server.shutdown(`server stopping (${signal})`);
  },
});

/**
 * Checks that the address can be listened on, loads the game data, opens the store journal and the
 * database, and starts the world server. Throws listenError's WorldError when the port is in use
 * or the host is not this machine's, and the journal's CONFIG_INVALID or UNAVAILABLE, before the
 * database is opened.
 */
async function start(ctx: CommandContext): Promise<WorldServer> {
  // --port and --host reached the config through the same validation as their variables.
  const { config } = ctx;
  // Before the database: a new embedded directory takes seconds to create and migrate.
  await checkCanListen(config.server.host, config.server.port);
  const data = await loadConfiguredGameData(config);
  ctx.logger.info({ titles: data.titles.size, creatures: data.creatures.size, quests: data.quests.size }, "game data loaded");
  // The journal's lock before anything is written (opening the database migrates it): a server
  // that cannot hold it changes nothing, and a bad journal path is refused at once, not after a
  // new embedded directory was created.
  const journal = await OfflineJournal.open(config.store.journalFile);
  if (journal.tornTail) ctx.logger.warn({ file: journal.file, ...journal.tornTail }, tornTailMessage(journal.file, journal.tornTail));
  if (journal.pending().length > 0)
    ctx.logger.info(
      { waiting: journal.pending().length, file: journal.file },
      "store journal holds purchases: those made for this database are applied, the others held (logged)",
    );
  return startWith(journal, async () => {
    // share: the admin CLI reaches the embedded database through this process while it runs.
    const database = await ctx.openDatabase({ share: true });
    // One world server per database: a second one on the same embedded directory would reach it
    // through the first one's socket and both would deliver its events and host the same players.
    if (database.kind === "pglite-remote") {
      throw new WorldError(
        "UNAVAILABLE",
        "another world server is already serving this embedded database directory; stop it first or use another BEZGELOR_DB_DIR",
      );
    }
    // The shipped store catalog goes into the database on the first start only; later it is the
    // operators' (`bezgelor store import` brings a changed file in).
    const imported = await importStoreCatalog(database.client, { catalog: storeCatalogOf(data), onlyIfEmpty: true });
    if (!imported.skippedNotEmpty)
      ctx.logger.info({ offers: imported.offers.created.length, categories: imported.categories.created.length }, "store catalog imported");
    return startWorldServer({ config, database, data, logger: ctx.logger, journal });
  });
}

/**
 * Runs `start` with the journal open; when it fails (the database, the catalog import, a port taken)
 * the journal is closed, so its lock goes with the attempt, then the error is thrown on.
 */
async function startWith(journal: OfflineJournal, start: () => Promise<WorldServer>): Promise<WorldServer> {
  try {
    return await start();
  } catch (error) {
    await journal.close();
    throw error;
  }
}
