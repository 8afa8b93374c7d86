// The bench's handle on the world server process: a full GC on demand through its inspector, of
// the main thread and of each worker thread (the embedded database's), so the memory figures read
// RSS without the garbage of what the server just did.
import { spawn } from "node:child_process";
import { describe, expect, it } from "vitest";
import { inspectorGc } from "./world-process";

const MIB = 1024 * 1024;
// Holds ~100 MB of objects for a while, then drops them and only reports its heap: nothing it
// does afterwards allocates enough to have them collected.
const HOLD = `
let junk = Array.from({ length: 1_500_000 }, (_, i) => ({ i, s: "x" + i }));
const report = (send) => setTimeout(() => {
  junk = null;
  setInterval(() => send(process.memoryUsage().heapUsed), 100);
}, 1000);
`;
// The main thread and a worker thread each hold their own; the main thread prints both heaps.
const HOLDER = `
const { Worker } = require("node:worker_threads");
let worker = 0;
new Worker(${JSON.stringify(`${HOLD}; report((heap) => require("node:worker_threads").parentPort.postMessage(heap));`)}, { eval: true })
  .on("message", (heap) => (worker = heap));
${HOLD}
report((heap) => process.stdout.write(heap + " " + worker + "\\n"));
`;

describe("inspectorGc", () => {
  it("has the process collect the garbage its main thread and its worker thread hold", async () => {
    const child = spawn(process.execPath, ["--inspect=127.0.0.1:0", "-e", HOLDER], { stdio: ["ignore", "pipe", "pipe"] });
    try {
      let heaps = [0, 0];
      child.stdout.on("data", (chunk: Buffer) => (heaps = (chunk.toString().trim().split("\n").at(-1) ?? "").split(" ").map(Number)));
      const url = await new Promise<string>((resolve) => {
        child.stderr.on("data", (chunk: Buffer) => {
          const match = /Debugger listening on (ws:\/\/\S+)/.exec(chunk.toString());
          if (match?.[1]) resolve(match[1]);
        });
      });
      while (!heaps.every((heap) => heap > 0)) await new Promise((r) => setTimeout(r, 50));
      expect(Math.min(...heaps)).toBeGreaterThan(60 * MIB);
      await inspectorGc(url);
      await new Promise((r) => setTimeout(r, 300));
      expect(Math.max(...heaps)).toBeLessThan(20 * MIB);
    } finally {
      child.kill();
    }
  });
});
