import { connect, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
/** A server of its own for the lingering socket, with room overall. */
let lingering: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({ maxConnections: 3, maxConnectionsPerAddress: 2 });
  lingering = await startTestWorld({ maxConnections: 10, maxConnectionsPerAddress: 2 });
});
afterAll(() => Promise.all([t.close(), lingering.close()]));

const open: Socket[] = [];
afterAll(() => open.forEach((s) => s.destroy()));

/**
 * Connects from `localAddress` (any 127/8 address reaches the loopback listener on Linux) and
 * says whether the server greeted it (ServerHello arrived) or hung up first.
 */
function attempt(localAddress: string, world = t): Promise<"greeted" | "refused"> {
  return greetedSocket(localAddress, world, false).then((socket) => (socket ? "greeted" : "refused"));
}

/**
 * A connection from `localAddress`, once greeted (undefined when the server hung up first). With
 * `halfOpen`, it keeps its side open after the server's FIN, as a client that never closes does.
 */
function greetedSocket(localAddress: string, world: TestWorld, halfOpen: boolean): Promise<Socket | undefined> {
  return new Promise((resolve) => {
    const socket = connect({ host: "127.0.0.1", port: world.world.port, localAddress, allowHalfOpen: halfOpen });
    open.push(socket);
    socket.on("error", () => undefined);
    socket.once("data", () => resolve(socket));
    socket.once("close", () => resolve(undefined));
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

  it("counts a closed session's socket against the caps while it lingers, until the peer closes its side", async () => {
    const violator = await greetedSocket("127.0.0.4", lingering, true);
    if (!violator) throw new Error("the first connection was not greeted");
    // A frame declaring 2 bytes (less than its own header): a violation, and the session closes.
    const ended = new Promise<void>((resolve) => violator.once("end", () => resolve()));
    violator.write(Buffer.from([2, 0, 0, 0]));
    await ended;
    await expect.poll(() => lingering.world.sessions.size).toBe(0);
    // Its socket lingers, never closed by the peer: it still holds one of the address's two slots.
    expect(await attempt("127.0.0.4", lingering)).toBe("greeted");
    expect(await attempt("127.0.0.4", lingering)).toBe("refused");
    // The peer closes its side: the slot is free again.
    violator.end();
    await new Promise<void>((resolve) => violator.once("close", () => resolve()));
    await expect.poll(() => attempt("127.0.0.4", lingering)).toBe("greeted");
  });
});
