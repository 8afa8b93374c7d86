import { randomBytes } from "node:crypto";
import {
  ClientCharacterList,
  ClientPing,
  ClientTitleSet,
  Opcode,
  PacketCrypt,
  encodeFrame,
  keyFromAuthBuildAndMessage,
  keyFromSessionKey,
} from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
let bystander: HeadlessClient;
beforeAll(async () => {
  t = await startTestWorld({ maxFrameSize: 4096, rateLimitPerSecond: 20, rateLimitBurst: 40 });
  const p = await t.player();
  bystander = await t.connect();
  await bystander.login(p);
});
afterAll(() => t.close());

/** The bystander, logged in on the character screen, still gets answers. */
async function bystanderStillServed() {
  const list = await bystander.characterList();
  expect(list.characters).toHaveLength(1);
}

async function expectDisconnected(client: HeadlessClient, reason: RegExp) {
  await expect(client.closed).resolves.toMatchObject({ code: "DISCONNECTED" });
  const lines = t.logged("protocol violation");
  const violations = lines.map((l) => String(l.reason));
  expect(
    violations.some((r) => reason.test(r)),
    `logged reasons: ${violations.join(" | ")}`,
  ).toBe(true);
  // The client's error (when there is one), not our stack: one short line per bad connection.
  for (const line of lines) {
    if ("error" in line) expect(line.error, JSON.stringify(line)).toEqual({ type: expect.any(String), code: expect.any(String), message: expect.any(String) });
    expect(line, JSON.stringify(line)).not.toHaveProperty("err");
  }
  expect(lines.some((line) => "error" in line)).toBe(true);
  await bystanderStillServed();
}

/** An encrypted client frame around any inner opcode and body, with the pre-login key. */
function encryptedFrame(innerOpcode: number, body: Buffer): Buffer {
  const inner = Buffer.concat([Buffer.from([innerOpcode & 0xff, innerOpcode >> 8]), body]);
  new PacketCrypt(keyFromAuthBuildAndMessage()).encryptInPlace(inner);
  const length = Buffer.alloc(4);
  length.writeUInt32LE(inner.length + 4);
  return encodeFrame(Opcode.ClientEncrypted, Buffer.concat([length, inner]));
}

describe("bad input disconnects only the offending session", () => {
  it("garbage bytes", async () => {
    const c = await t.connect();
    c.sendRaw(Buffer.concat([Buffer.from([0x09, 0, 0, 0]), randomBytes(64)]));
    await expectDisconnected(c, /^[A-Z_]+: /);
  });

  it("an oversized frame, before any byte of its body arrives", async () => {
    const c = await t.connect();
    const header = Buffer.alloc(6);
    header.writeUInt32LE(10 * 1024 * 1024);
    c.sendRaw(header);
    await expectDisconnected(c, /FRAME_TOO_LARGE/);
  });

  it("an undersized frame", async () => {
    const c = await t.connect();
    c.sendRaw(Buffer.from([3, 0, 0, 0, 0, 0]));
    await expectDisconnected(c, /FRAME_TOO_SMALL/);
  });

  it("an unknown opcode, bare", async () => {
    const c = await t.connect();
    c.sendRaw(encodeFrame(0x7abc, Buffer.alloc(4)));
    await expectDisconnected(c, /UNKNOWN_OPCODE/);
  });

  it("an unknown opcode inside the encrypted wrapper", async () => {
    const c = await t.connect();
    c.sendRaw(encryptedFrame(0x7abc, Buffer.alloc(8)));
    await expectDisconnected(c, /UNKNOWN_OPCODE/);
  });

  it("accepts whole bytes after a complete body, as NexusForever does", async () => {
    const p = await t.player();
    const c = await t.connect();
    await c.login(p);
    const ping = Buffer.from(c.encode(ClientPing, {}));
    // Re-frame the encrypted ping with three extra bytes inside the wrapper: decrypt, pad, re-encrypt.
    const crypt = new PacketCrypt(keyFromSessionKey(Buffer.from(p.sessionKey, "hex")));
    const inner = Buffer.concat([crypt.decrypt(ping.subarray(10)), Buffer.from([1, 2, 3])]);
    crypt.encryptInPlace(inner);
    const length = Buffer.alloc(4);
    length.writeUInt32LE(inner.length + 4);
    c.sendRaw(encodeFrame(Opcode.ClientEncrypted, Buffer.concat([length, inner])));
    expect((await c.characterList()).characters).toHaveLength(1);
  });

  it("a truncated packet body", async () => {
    const c = await t.connect();
    c.sendRaw(encryptedFrame(Opcode.ClientHelloRealm, Buffer.alloc(5)));
    await expectDisconnected(c, /DECODE_PAST_END/);
  });

  it("a request before login", async () => {
    const c = await t.connect();
    c.send(ClientCharacterList, {});
    await expectDisconnected(c, /ClientCharacterList not allowed in state connected/);
  });

  it("a feature packet before a character is selected", async () => {
    const p = await t.player();
    const c = await t.connect();
    await c.login(p);
    c.send(ClientTitleSet, { titleId: 1 });
    await expectDisconnected(c, /ClientTitleSet not allowed in state authenticated/);
  });

  it("a flood past the packet rate limit", async () => {
    const p = await t.player();
    const c = await t.connect();
    await c.login(p);
    const ping = c.encode(ClientPing, {});
    c.sendRaw(Buffer.concat(Array.from({ length: 200 }, () => ping)));
    await expectDisconnected(c, /rate limit/);
  });
});
