// The baselines the world server is compared with, each in its own process like the world server:
// an echo server that answers every frame with the bytes the world server answered it with
// (after a set amount of busy work per frame, for `--echo-work`), a
// fan-out server that sends every frame's chat line to every connection (the zone) and the result
// to the speaker, and a movement relay. Both cut frames with the protocol's FrameAssembler and do nothing else.
import { createServer, type Server, type Socket } from "node:net";
import { FrameAssembler, type Frame } from "@bezgelor/protocol";
import { serveParent } from "./rpc";

let server: Server | undefined;
const sockets = new Set<Socket>();
/**
 * Milliseconds of busy work the echo does per frame before it answers (the `work` call, for
 * `--echo-work`): a stand-in for a server's own computing, spent on the CPU the way a handler is.
 */
let workMs = 0;

/** Keeps the CPU busy for `ms` milliseconds. */
function busyFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

interface StartArgs {
  readonly mode: "echo" | "fanout" | "relay";
  /** relay: a relayed update as the world server sent it (its size and opcode are kept). */
  readonly update?: string;
  /** echo: the frames of one answer, concatenated into one write. */
  readonly reply?: string[];
  /** fanout: the line every connection gets, and the result only the speaker gets. */
  readonly line?: string;
  readonly result?: string;
}

function handler(args: StartArgs): (socket: Socket, frames: Frame[]) => void {
  if (args.mode === "relay") return relay(Buffer.from(args.update ?? "", "base64"));
  if (args.mode === "echo") {
    const reply = Buffer.concat((args.reply ?? []).map((b) => Buffer.from(b, "base64")));
    return (socket, frames) => {
      for (let i = 0; i < frames.length; i++) {
        if (workMs > 0) busyFor(workMs);
        socket.write(reply);
      }
    };
  }
  const line = Buffer.from(args.line ?? "", "base64");
  const result = Buffer.from(args.result ?? "", "base64");
  const write = corkedWrites();
  return (socket, frames) => {
    for (let i = 0; i < frames.length; i++) {
      for (const peer of sockets) write(peer, line);
      write(socket, result);
    }
  };
}

/**
 * Writes that leave once per event-loop turn and connection (corked until the turn ends), as the
 * world server batches a session's packets: the least a server written in node does per packet,
 * not one syscall per packet.
 */
function corkedWrites(): (socket: Socket, bytes: Buffer) => void {
  const corked = new Set<Socket>();
  const uncork = () => {
    for (const socket of corked) socket.uncork();
    corked.clear();
  };
  return (socket, bytes) => {
    if (!corked.has(socket)) {
      if (corked.size === 0) setImmediate(uncork);
      socket.cork();
      corked.add(socket);
    }
    socket.write(bytes);
  };
}

/**
 * The bare movement relay: each frame's sender (the index at the start of its payload) has its
 * update written to every other connection, corked as the fan-out's ({@link corkedWrites}). The
 * update has the world's size and opcode, the sender's index in the clear where the world's
 * encrypted payload starts, so the load's probes tell whose it is without decrypting.
 */
function relay(template: Buffer): (socket: Socket, frames: Frame[]) => void {
  const updates = new Map<number, Buffer>();
  const updateOf = (sender: number) => {
    let update = updates.get(sender);
    if (!update) {
      update = Buffer.from(template);
      update.writeUInt32LE(sender, 6);
      updates.set(sender, update);
    }
    return update;
  };
  const write = corkedWrites();
  return (socket, frames) => {
    for (const frame of frames) {
      const update = updateOf(frame.payload.readUInt32LE(0));
      for (const peer of sockets) if (peer !== socket) write(peer, update);
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
      socket.on("data", (chunk: Buffer) => answer(socket, assembler.push(chunk)));
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
  work(args: { us: number }) {
    workMs = args.us / 1000;
    return null;
  },
  async stop() {
    workMs = 0;
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    server = undefined;
    return null;
  },
});
