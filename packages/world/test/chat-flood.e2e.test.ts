// A client that floods chat past the packet rate limit (a tester sent 1,000 ClientChat packets in
// one write): the lines within the token bucket's burst are handled and reach the speaker and the
// players who see it, then the speaker's session closes as a protocol violation. What it queued
// before closing reaches it even when it reads late: the socket lingers (Session lingerClose)
// instead of being closed with the rest of the flood unread, which reset the connection and threw
// away the replies not yet sent.
import { ClientChat, CHAT_CHANNEL_TYPE, CHAT_RESULT } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Received } from "../src/client/headless-client";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

const LINES = 1000;
const texts = (packets: Received[], name: "ServerChat") => packets.filter((p) => p.name === name).map((p) => (p.value as { text: string }).text);

/**
 * Logs a speaker and a listener 10 m apart into one zone, has the speaker send LINES say lines of
 * `padding` extra characters in one write, and returns what each received after it, how many lines
 * the bucket could have let through, and the speaker's close as logged.
 */
async function flood(padding: number, speakerReadsLate: boolean) {
  const { rateLimitPerSecond, rateLimitBurst } = t.world.services.config.server;
  const speaker = await t.inWorld(await t.player({ zoneId: 21 }));
  const listener = await t.inWorld(await t.player({ zoneId: 21, position: { x: 10, y: 0, z: 0 } }));
  await listener.client.waitFor("ServerEntityCreate", (v) => v.unitId === speaker.client.unitId);
  // The few packets of the login are refilled: the flood starts with the whole burst.
  await new Promise((r) => setTimeout(r, 300));
  const line = (i: number) => `line ${i}${" x".repeat(padding / 2)}`;
  const frames = Array.from({ length: LINES }, (_, i) =>
    speaker.client.encode(ClientChat, { channel: { type: CHAT_CHANNEL_TYPE.Say, chatId: 0n }, message: line(i), formats: [], chatMessageId: i }),
  );
  const before = { speaker: speaker.client.log.length, listener: listener.client.log.length };
  if (speakerReadsLate) speaker.client.pauseReading();
  const started = performance.now();
  speaker.client.sendRaw(Buffer.concat(frames));
  const violation = () => t.logged("protocol violation").find((l) => l.character === speaker.player.characterId);
  await vi.waitFor(() => expect(violation()).toBeDefined(), { timeout: 10_000, interval: 5 });
  const seconds = (performance.now() - started) / 1000;
  if (speakerReadsLate) {
    await new Promise((r) => setTimeout(r, 500));
    speaker.client.resumeReading();
  }
  await speaker.client.closed;
  // The listener hears itself after every line sent to it before: it is still served.
  listener.client.say("still here");
  await listener.client.waitFor("ServerChat", (c) => c.text === "still here");
  const spoke = speaker.client.log.slice(before.speaker);
  const heard = listener.client.log.slice(before.listener);
  await listener.client.close();
  return { spoke, heard, line, violation: violation()!, mostLines: rateLimitBurst + Math.ceil(seconds * rateLimitPerSecond), rateLimitBurst };
}

/** The checks both floods share: the same first lines, in order, to both; the speaker closed for the rate only. */
function expectRelayed(result: Awaited<ReturnType<typeof flood>>) {
  const { spoke, heard, line, violation, mostLines, rateLimitBurst } = result;
  const lines = texts(spoke, "ServerChat");
  expect(lines.length).toBeGreaterThanOrEqual(rateLimitBurst);
  expect(lines.length).toBeLessThanOrEqual(mostLines);
  const expected = Array.from({ length: lines.length }, (_, i) => line(i));
  expect(lines).toEqual(expected);
  expect(texts(heard, "ServerChat")).toEqual([...expected, "still here"]);
  const results = spoke.filter((p) => p.name === "ServerChatResult").map((p) => p.value as { chatResult: number; chatMessageId: number });
  expect(results).toEqual(expected.map((_, i) => expect.objectContaining({ chatResult: CHAT_RESULT.Ok, chatMessageId: i })));
  expect(spoke.map((p) => p.name).filter((name) => name !== "ServerChat" && name !== "ServerChatResult")).toEqual([]);
  expect(violation.reason).toBe("packet rate limit exceeded");
  expect(t.logged("slow client")).toEqual([]);
  expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
}

describe("a flood of 1,000 chat lines in one write", () => {
  it("relays the lines within the burst to the speaker and a listener in sight, in order, then closes the speaker as a violation", async () => {
    expectRelayed(await flood(0, false));
  });

  it("delivers the speaker's replies to a speaker that reads late, its long lines filling the socket buffers both ways", async () => {
    expectRelayed(await flood(1000, true));
  });
});
