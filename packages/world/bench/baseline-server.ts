// The baselines the world server is compared with, each in its own process like the world server:
// an echo server that answers every frame with the bytes the world server answered it with, and a
// fan-out server that sends every frame's chat line to every connection (the zone) and the result
// to the speaker. Both cut frames with the protocol's FrameAssembler and do nothing else.
import { createServer, type Server, type Socket } from "node:net";
import { FrameAssembler } from "@bezgelor/protocol";
import { serveParent } from "./rpc";

let server: Server | undefined;
const sockets = new Set<Socket>();

interface StartArgs {
  readonly mode: "echo" | "fanout";
  /** echo: the frames of one answer, concatenated into one write. */
  readonly reply?: string[];
  /** fanout: the line every connection gets, and the result only the speaker gets. */
  readonly line?: string;
  readonly result?: string;
}

function handler(args: StartArgs): (socket: Socket, frames: number) => void {
  if (args.mode === "echo") {
    const reply = Buffer.concat((args.reply ?? []).map((b) => Buffer.from(b, "base64")));
    return (socket, frames) => {
      for (let i = 0; i < frames; i++) socket.write(reply);
    };
  }
  const line = Buffer.from(args.line ?? "", "base64");
  const result = Buffer.from(args.result ?? "", "base64");
  return (socket, frames) => {
    for (let i = 0; i < frames; i++) {
      for (const peer of sockets) peer.write(line);
      socket.write(result);
    }
  };
}

serveParent({
  async start(args: StartArgs) {
    const answer = handler(args);
    server = createServer((socket) => {
      sockets.add(socket);
      socket.setNoDelay(true);
      const assembler = new FrameAssembler({});
      socket.on("data", (chunk: Buffer) => answer(socket, assembler.push(chunk).length));
      socket.on("error", () => undefined);
      socket.on("close", () => sockets.delete(socket));
    });
    const listening = server;
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(0, "127.0.0.1", () => resolve());
    });
    const address = listening.address();
    return { port: typeof address === "object" && address ? address.port : 0, pid: process.pid };
  },
  async stop() {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    return null;
  },
});
