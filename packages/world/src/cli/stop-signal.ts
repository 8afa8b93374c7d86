import type { Logger } from "pino";

/**
 * Resolves on the first SIGTERM or SIGINT. Later signals are logged and ignored: a Ctrl-C reaches
 * the whole process group, and package runners forward it again, so a second signal arriving
 * mid-shutdown must not fall through to Node's default handler and kill the drain.
 */
export function stopSignal(logger: Logger): Promise<NodeJS.Signals> {
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
