// Starts the example store service: opens the world's database (PostgreSQL with DATABASE_URL, or
// the embedded directory through the world server's socket), loads the game rules and serves
// HTTP until SIGINT or SIGTERM. Prints one JSON line `{"listening":{"host","port"}}` when ready.
import { existsSync } from "node:fs";
import path from "node:path";
import { loadGameRules, openDatabase } from "@bezgelor/db";
import { pino } from "pino";
import { loadConfig } from "./config.js";
import { createStoreServer } from "./server.js";

const config = loadConfig(process.env);
const logger = pino({ level: config.logLevel }, pino.destination(2));
// On the embedded database the service works beside a world server, through its socket: a
// directory no server holds is a mistake (a wrong path would otherwise become a new, empty database).
if (!config.databaseUrl && !existsSync(path.join(config.dbDir, "bezgelor.lock"))) {
  logger.fatal(
    { dir: path.resolve(config.dbDir) },
    "no world server holds this embedded database directory: start the server first, or set BEZGELOR_DB_DIR to its directory or DATABASE_URL",
  );
  process.exit(2);
}
const database = await openDatabase({
  config: config.databaseUrl ? { url: config.databaseUrl } : { dir: config.dbDir },
  logger: logger.child({ component: "db" }),
});
const rules = await loadGameRules({
  ...(config.gameDataDir ? { dataDir: config.gameDataDir } : {}),
  ...(config.reputationScale ? { reputationScale: config.reputationScale } : {}),
});
const server = createStoreServer({ client: database.client, rules, logger });
server.listen(config.port, config.host, () => {
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.port;
  process.stdout.write(`${JSON.stringify({ listening: { host: config.host, port } })}\n`);
  logger.info({ host: config.host, port }, "store service listening");
});

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping");
  server.close(() => {
    database.close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, "closing the database failed");
        process.exit(1);
      },
    );
  });
  server.closeAllConnections();
};
process.on("SIGINT", () => stop("SIGINT"));
process.on("SIGTERM", () => stop("SIGTERM"));
