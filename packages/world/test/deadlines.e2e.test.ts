import { connect, type Socket } from "node:net";
import { ClientPing, encodeFrame, Opcode } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "./support/world";

// Small deadlines keep the test short; the idle timeout is long so it never decides anything.
let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({ idleTimeoutSeconds: 60, loginTimeoutSeconds: 1, frameTimeoutSeconds: 0.15 });
});
afterAll(() => t.close());

/**
 * A raw TCP connection that resolves `closed` when the server hangs up. It reads (and drops) what
 * the server sends, as a client does: the server's FIN is how it learns of the close.
 */
async function rawConnection(): Promise<{ socket: Socket; closed: Promise<void> }> {
  const socket = connect({ host: "127.0.0.1", port: t.world.port });
  socket.on("error", () => undefined);
  socket.resume();
  const closed = new Promise<void>((resolve) => socket.on("close", () => resolve()));
  await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
  return { socket, closed };
}

const closeReasons = () => t.logged("session closed").map((l) => String(l.reason));

describe("connections must log in, and frames must arrive whole, within deadlines", () => {
  it("closes a connection that only pings and never logs in, but not a logged-in one", async () => {
    const player = await t.player();
    const loggedIn = await t.connect({ heartbeatMs: 50 });
    await loggedIn.login(player);
    const pinger = await t.connect({ heartbeatMs: 50 });
    await expect(pinger.closed).resolves.toMatchObject({ code: "DISCONNECTED" });
    expect(closeReasons()).toContain("login not completed within 1 s");
    // The logged-in session connected earlier and is past the same deadline, still served.
    await expect(loggedIn.characterList()).resolves.toMatchObject({ characters: [expect.anything()] });
  });

  it("closes a connection that trickles a frame one byte at a time", async () => {
    const { socket, closed } = await rawConnection();
    const frame = encodeFrame(Opcode.ClientEncrypted, Buffer.alloc(64));
    let at = 0;
    const trickle = setInterval(() => {
      if (at < frame.length) socket.write(frame.subarray(at, ++at));
    }, 30);
    try {
      await closed;
    } finally {
      clearInterval(trickle);
    }
    expect(closeReasons().some((r) => r.startsWith("frame not completed within 0.15 s"))).toBe(true);
    expect(at).toBeLessThan(frame.length);
  });

  it("keeps a frame split over reads that arrives in time (whole pings, then one in two halves)", async () => {
    const player = await t.player();
    const client = await t.connect();
    await client.login(player);
    const ping = client.encode(ClientPing, {});
    client.sendRaw(ping.subarray(0, 3));
    client.sendRaw(ping.subarray(3));
    await expect(client.characterList()).resolves.toBeTruthy();
  });
});
