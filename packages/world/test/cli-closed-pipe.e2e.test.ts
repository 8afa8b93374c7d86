// `bezgelor … | head -c 10`: the reader closes the pipe before the command writes. The command is
// the real binary in its own process, its stdout a pipe whose read end this test closes at once.
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";

const BIN = resolve(import.meta.dirname, "../src/bin.ts");

function bezgelorIntoClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["--conditions=@bezgelor/source", "--import", "tsx", BIN, ...args]);
  child.stdout.destroy();
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  return new Promise((done) => child.on("close", (code) => done({ code, stderr })));
}

describe("bezgelor with its stdout closed early", () => {
  it("ends quietly with the command's own exit status", { timeout: 60_000 }, async () => {
    expect(await bezgelorIntoClosedPipe(["--help"])).toEqual({ code: 0, stderr: "" });
    expect(await bezgelorIntoClosedPipe(["ledger", "show", "--help"])).toEqual({ code: 0, stderr: "" });
  });
});
