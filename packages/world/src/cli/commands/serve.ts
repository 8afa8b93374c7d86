import { loadGameData } from "@bezgelor/data";
import type { Logger } from "pino";
import { startWorldServer } from "../../server/world-server";
import { defineCommand } from "../command";

/**
 * Resolves on the first SIGTERM or SIGINT. Later signals are logged and ignored: a Ctrl-C reaches
 * the whole process group, and package runners forward it again, so a second signal arriving
 * mid-shutdown must not fall through to Node's default handler and kill the drain.
 */
function stopSignal(logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let received = false;
    const on = (signal: NodeJS.Signals) => {
      if (received) {
        logger.warn({ signal }, "already stopping; send SIGKILL to stop at once");
        return;
      }
      received = true;
      resolve(signal);
    };
    process.on("SIGTERM", on);
    process.on("SIGINT", on);
  });
}

export const serve = defineCommand({
  path: ["serve"],
  summary: "run the world server (embedded database unless DATABASE_URL is set)",
  options: {
    port: { type: "string", description: "port to listen on (overrides BEZGELOR_PORT)" },
    host: { type: "string", description: "address to listen on (overrides BEZGELOR_HOST)" },
  },
  printsData: false,
  async run(ctx, o) {
    const config = {
      ...ctx.config,
      server: {
        ...ctx.config.server,
        ...(typeof o.port === "string" ? { port: Number(o.port) } : {}),
        ...(typeof o.host === "string" ? { host: o.host } : {}),
      },
    };
    const data = await loadGameData(config.gameDataDir === undefined ? {} : { dir: config.gameDataDir });
    ctx.logger.info({ titles: data.titles.size, creatures: data.creatures.size, quests: data.quests.size }, "game data loaded");
    // share: the admin CLI reaches the embedded database through this process while it runs.
    const database = await ctx.openDatabase({ share: true });
    const server = await startWorldServer({ config, database, data, logger: ctx.logger });
    const signal = await stopSignal(ctx.logger);
    ctx.logger.info({ signal }, "stop requested");
    await server.shutdown(`server stopping (${signal})`);
  },
});
