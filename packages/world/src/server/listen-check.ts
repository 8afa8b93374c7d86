// `serve` learns that its port is taken or its host is wrong before it opens the database: a new
// embedded directory takes seconds to create and migrate, only to be told about the port after.
// The check binds the address and lets go at once; a connection that reaches it in that moment is
// closed unread, so nothing is served before the server is ready. The real listen still turns its own errors into the same one-line
// refusal (`listenError`), since the port can be taken between the check and the listen.
import { createServer } from "node:net";
import { listenError } from "./listen-error";

/**
 * Resolves when `host`:`port` (port 0: any free port) can be listened on now, after closing the
 * trial listener. Rejects with {@link listenError}'s WorldError: UNAVAILABLE (exit 5) for a port
 * in use, CONFIG_INVALID (exit 2) for a host that is not this machine's or a port not allowed;
 * any other listen error as it came.
 */
export async function checkCanListen(host: string, port: number): Promise<void> {
  const trial = createServer();
  trial.on("connection", (socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    trial.once("error", (error: NodeJS.ErrnoException) => reject(listenError(error, host, port)));
    trial.listen(port, host, () => resolve());
  });
  await new Promise<void>((resolve) => trial.close(() => resolve()));
}
