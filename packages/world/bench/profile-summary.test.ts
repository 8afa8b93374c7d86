// The profile summary of `pnpm bench --profile`: kinds, windows and per-request figures.
import { describe, expect, it } from "vitest";
import { kindOf, selfTimes, summarize } from "./profile-summary";

const frame = (functionName: string, url = "", lineNumber = 0) => ({ functionName, url, lineNumber });

/** Nodes 1..5, sampled 100 µs apart from t = 1,000,000 µs. */
const profile = {
  nodes: [
    { id: 1, callFrame: frame("(idle)") },
    { id: 2, callFrame: frame("writeBuffer") },
    { id: 3, callFrame: frame("handle", "file:///repo/packages/world/dist/chunk.js", 9) },
    { id: 4, callFrame: frame("(garbage collector)") },
    { id: 5, callFrame: frame("parse", "file:///repo/node_modules/.pnpm/zod@3.25.0/node_modules/zod/index.js") },
  ],
  startTime: 1_000_000,
  samples: [1, 2, 2, 3, 4, 5, 2, 1],
  timeDeltas: [100, 100, 100, 100, 100, 100, 100, 100],
};

describe("profile summary", () => {
  it("sorts functions into kinds", () => {
    expect(kindOf(frame("writeBuffer"))).toBe("socket writes (syscall)");
    expect(kindOf(frame("(program)"))).toBe("native, outside JavaScript (libuv, socket reads)");
    expect(kindOf(frame("onStreamRead", "node:internal/stream_base_commons"))).toBe("node's JavaScript (streams, net)");
    expect(kindOf(frame("encode", "file:///x/packages/protocol/src/codec.ts"))).toBe("@bezgelor/protocol");
    expect(kindOf(frame("parse", "file:///x/node_modules/.pnpm/zod@3.25.0/node_modules/zod/index.js"))).toBe("library: zod");
    expect(kindOf(frame("query", "file:///x/node_modules/@prisma/client/runtime.js"))).toBe("library: @prisma/client");
  });

  it("counts only the samples inside the window", () => {
    // Samples land at 1,000,100 .. 1,000,800; the window takes the 2nd to the 4th.
    const { kinds } = selfTimes(profile, 1_000_200, 1_000_400);
    expect(Object.fromEntries(kinds)).toEqual({ "socket writes (syscall)": 200, "@bezgelor/world": 100 });
  });

  it("gives busy µs per request, idle left out, windows of a label pooled", () => {
    const windows = [
      { label: "chat", server: "world" as const, startUs: 1_000_000, endUs: 1_000_400, requests: 2 },
      { label: "chat", server: "world" as const, startUs: 1_000_500, endUs: 1_000_800, requests: 2 },
    ];
    const lines = summarize(profile, windows, "world server, main thread");
    // Busy: writeBuffer 300, handle 100, GC 100, zod 100 = 600 µs over 4 requests and 700 µs of windows.
    expect(lines[0]).toBe("chat: world server, main thread: 150.0 µs busy per request (4 requests, 86 % of the window busy)");
    expect(lines[1]).toBe("    75.00 µs  50 %  socket writes (syscall)");
    expect(lines.join("\n")).toContain("25.00 µs  17 %  handle chunk.js:10");
    expect(lines.join("\n")).not.toContain("idle");
  });

  it("leaves out a window the process has no samples in", () => {
    expect(summarize(profile, [{ label: "echo (limit)", server: "baseline" as const, startUs: 5_000_000, endUs: 6_000_000, requests: 10 }], "world")).toEqual(
      [],
    );
  });
});
