import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({ maxConnections: 3, maxConnectionsPerAddress: 2 });
});
afterAll(() => t.close());

const open: Socket[] = [];
afterAll(() => open.forEach((s) => s.destroy()));

/**
 * Connects from `localAddress` (any 127/8 address reaches the loopback listener on Linux) and
 * says whether the server greeted it (ServerHello arrived) or hung up first.
 */
function attempt(localAddress: string): Promise<"greeted" | "refused"> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: t.world.port, localAddress });
    open.push(socket);
    socket.on("error", () => undefined);
    socket.once("data", () => resolve("greeted"));
    socket.once("close", () => resolve("refused"));
  });
}

describe("connection caps", () => {
  it("closes connections past the per-address and the overall cap at once, with a log line, and frees slots on close", async () => {
    expect(await attempt("127.0.0.1")).toBe("greeted");
    expect(await attempt("127.0.0.1")).toBe("greeted");
    expect(await attempt("127.0.0.1")).toBe("refused");
    expect(t.logged("too many connections from one address")[0]).toMatchObject({ remote: "127.0.0.1", limit: "maxConnectionsPerAddress" });

    expect(await attempt("127.0.0.2")).toBe("greeted");
    expect(await attempt("127.0.0.3")).toBe("refused");
    expect(t.logged("connection refused: too many connections")).toContainEqual(expect.objectContaining({ remote: "127.0.0.3", limit: "maxConnections" }));
    expect(t.world.sessions.size).toBe(3);

    // A client that leaves frees its slot.
    open[0]!.destroy();
    await expect.poll(() => t.world.sessions.size).toBe(2);
    expect(await attempt("127.0.0.1")).toBe("greeted");
  });
});
