import { EventEmitter } from "node:events";
import type { Socket } from "node:net";
import { setImmediate as nextTurn } from "node:timers/promises";
import { CHAT_CHANNEL_TYPE, ClientChat, PacketChannel, ServerChat, ServerTitleSet, type PacketValue } from "@bezgelor/protocol";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ServerConfigSchema } from "../config/schema";
import { HANDLERS } from "../handlers/index";
import { createLogger } from "../logging";
import { packet, type OutgoingPacket } from "./outgoing";
import { Presence } from "./presence";
import type { WorldServices } from "./services";
import { Session, type CloseReason } from "./session";

/** Enough of a `net.Socket` for a Session: records writes, end and destroy in order. */
class FakeSocket extends EventEmitter {
  readonly remoteAddress = "127.0.0.1";
  readonly remotePort = 40000;
  readonly events: string[] = [];
  readonly writes: Buffer[] = [];
  writableLength = 0;
  destroyed = false;
  setNoDelay(): this {
    return this;
  }
  setKeepAlive(): this {
    return this;
  }
  pause(): this {
    this.events.push("pause");
    return this;
  }
  resume(): this {
    this.events.push("resume");
    return this;
  }
  private corked: Buffer[] | undefined;
  write(chunk: Buffer): boolean {
    if (this.corked) {
      this.corked.push(Buffer.from(chunk));
      return true;
    }
    this.writes.push(Buffer.from(chunk));
    this.events.push("write");
    return true;
  }
  /** A corked batch is recorded as one write, as the kernel gets it (one `writev`). */
  cork(): void {
    this.corked = [];
  }
  uncork(): void {
    const parts = this.corked ?? [];
    this.corked = undefined;
    this.write(Buffer.concat(parts));
  }
  end(): this {
    this.events.push("end");
    return this;
  }
  destroy(): this {
    this.events.push("destroy");
    this.destroyed = true;
    return this;
  }
}

const logLines: Record<string, unknown>[] = [];
const logger = createLogger({ level: "info", destination: { write: (line: string) => logLines.push(JSON.parse(line) as Record<string, unknown>) } });

function session(id: number, options: { maxOutgoingBytes?: number; presence?: Presence<OutgoingPacket> } = {}) {
  const socket = new FakeSocket();
  const config = { server: ServerConfigSchema.parse({ maxOutgoingBytes: options.maxOutgoingBytes ?? 1024 * 1024 }) };
  const services = { config, logger } as unknown as WorldServices;
  const closed: CloseReason[] = [];
  const onClose = (closing: Session, why: CloseReason) => {
    closed.push(why);
    // as the server's hook does: everything the session published goes
    options.presence?.leavePeer(closing);
  };
  const s = new Session(id, socket as unknown as Socket, services, HANDLERS, { onClose });
  // The client end of this connection, with the same key: it decrypts whatever the session wrote.
  const client = new PacketChannel({ role: "client", maxFrameSize: 1 << 20 });
  const received = () => socket.writes.flatMap((chunk) => client.push(chunk));
  return { session: s, socket, client, received, closed };
}

const chat = (text: string): PacketValue<typeof ServerChat> => ({
  channel: { type: CHAT_CHANNEL_TYPE.Say, chatId: 0n },
  gm: false,
  self: false,
  autoResponse: false,
  from: { realmId: 1, characterId: 42n },
  fromName: "Speaker",
  fromRealm: "",
  presenceState: 0,
  text,
  formats: [],
  crossFaction: false,
  chatMessageId: 0,
  unitId: 42,
  premiumTier: 0,
});

afterEach(() => {
  vi.restoreAllMocks();
  logLines.length = 0;
});

describe("a session's outgoing packets", () => {
  it("are written once per event-loop turn, whatever their number, in order", async () => {
    const { session: s, socket, received } = session(1);
    for (let i = 0; i < 25; i++) s.send(ServerTitleSet, { unitId: i, titleId: 100 + i });
    expect(socket.writes).toHaveLength(0);
    await nextTurn();
    expect(socket.writes).toHaveLength(1);
    s.send(ServerTitleSet, { unitId: 25, titleId: 125 });
    s.deliver(packet(ServerTitleSet, { unitId: 26, titleId: 126 }));
    await nextTurn();
    expect(socket.writes).toHaveLength(2);
    expect(received().map((p) => p.value)).toEqual(Array.from({ length: 27 }, (_, i) => ({ unitId: i, titleId: 100 + i })));
  });

  it("keep their own key across a rekey between two packets of one turn", async () => {
    const { session: s, client, socket } = session(2);
    const key = Buffer.alloc(16, 9);
    s.send(ServerTitleSet, { unitId: 1, titleId: 1 });
    s.rekey(key);
    s.send(ServerTitleSet, { unitId: 2, titleId: 2 });
    await nextTurn();
    expect(socket.writes).toHaveLength(1);
    const frames = client.frames(socket.writes[0]!);
    expect(client.decodeFrame(frames[0]!).value).toEqual({ unitId: 1, titleId: 1 });
    client.rekey(key);
    expect(client.decodeFrame(frames[1]!).value).toEqual({ unitId: 2, titleId: 2 });
  });

  it("queued before a close are written before the connection ends; none after", async () => {
    const { session: s, socket, received } = session(3);
    s.send(ServerTitleSet, { unitId: 1, titleId: 1 });
    s.send(ServerTitleSet, { unitId: 2, titleId: 2 });
    s.close({ reason: "test", violation: false });
    s.send(ServerTitleSet, { unitId: 3, titleId: 3 });
    await nextTurn();
    expect(socket.events).toEqual(["write", "end", "resume"]);
    expect(received().map((p) => p.value)).toEqual([
      { unitId: 1, titleId: 1 },
      { unitId: 2, titleId: 2 },
    ]);
  });

  it("leave before the socket is destroyed: it lingers, reading, until the peer closes or 5 s pass", () => {
    vi.useFakeTimers();
    try {
      const lingering = session(5);
      lingering.session.close({ reason: "packet rate limit exceeded", violation: true });
      // What the peer still sends is read and dropped: a socket closed with bytes unread is reset, losing what it had not sent.
      lingering.socket.emit("data", Buffer.alloc(64));
      vi.advanceTimersByTime(4_999);
      expect(lingering.socket.events).toEqual(["end", "resume"]);
      vi.advanceTimersByTime(1);
      expect(lingering.socket.events).toEqual(["end", "resume", "destroy"]);
      const closedByPeer = session(6);
      closedByPeer.session.close({ reason: "test", violation: false });
      closedByPeer.socket.emit("close");
      vi.advanceTimersByTime(10_000);
      expect(closedByPeer.socket.events).toEqual(["end", "resume"]);
    } finally {
      vi.useRealTimers();
    }
  });

  it("disconnect a client that stops reading once its unsent bytes pass the bound, with a log line", async () => {
    const { session: s, socket, closed } = session(4, { maxOutgoingBytes: 64 * 1024 });
    s.send(ServerChat, chat("hello"));
    // The peer reads nothing: after this flush Node's buffer holds nearly the whole bound.
    socket.writableLength = 64 * 1024 - 100;
    await nextTurn();
    s.send(ServerChat, chat("x".repeat(200)));
    expect(s.closed).toBe(true);
    expect(closed[0]?.reason).toMatch(/slow client: \d+ bytes waiting to be sent \(limit 65536\)/);
    expect(socket.events).toEqual(["write", "destroy"]);
    expect(logLines.some((l) => l["msg"] === "disconnecting a slow client: too many bytes waiting to be sent" && l["limit"] === 65536)).toBe(true);
    await nextTurn();
    expect(socket.writes).toHaveLength(1);
  });
});

describe("a broadcast", () => {
  it("is encoded once for M recipients, sealed with each one's key, and read by every one", async () => {
    const presence = new Presence<OutgoingPacket>();
    const peers = Array.from({ length: 12 }, (_, i) => session(100 + i));
    peers.forEach((peer, i) => {
      // every session has its own key, as after ClientHelloRealm
      const key = Buffer.alloc(16, i + 1);
      peer.session.rekey(key);
      peer.client.rekey(key);
      presence.enter({ characterId: i + 1, accountId: i + 1, name: `P${i}`, worldId: 870, zoneId: 1, peer: peer.session });
    });
    const encodes = vi.spyOn(ServerChat.codec, "write");
    const line = chat("Anyone up for Stormtalon? LFM tank and healer, need 2 more");
    expect(presence.broadcastZone(870, 1, packet(ServerChat, line))).toBe(12);
    expect(encodes).toHaveBeenCalledTimes(1);
    await nextTurn();
    for (const peer of peers) expect(peer.received().map((p) => p.value)).toEqual([line]);
    // the same plaintext under twelve keys: twelve different ciphertexts
    expect(new Set(peers.map((p) => p.socket.writes[0]!.toString("hex"))).size).toBe(12);
  });

  it("goes on to the rest of the zone when a recipient is disconnected as a slow client on the way", async () => {
    const presence = new Presence<OutgoingPacket>();
    const peers = [session(200, { presence }), session(201, { presence, maxOutgoingBytes: 64 * 1024 }), session(202, { presence })];
    peers.forEach((peer, i) => presence.enter({ characterId: i + 1, accountId: i + 1, name: `P${i}`, worldId: 1, zoneId: 1, peer: peer.session }));
    // the second one has stopped reading: its socket buffer is full after its last write
    peers[1]!.session.send(ServerTitleSet, { unitId: 1, titleId: 1 });
    peers[1]!.socket.writableLength = 64 * 1024;
    await nextTurn();
    expect(presence.broadcastZone(1, 1, packet(ServerTitleSet, { unitId: 7, titleId: 8 }))).toBe(3);
    await nextTurn();
    expect(peers[0]!.received()).toHaveLength(1);
    expect(peers[2]!.received()).toHaveLength(1);
    expect(peers[1]!.session.closed).toBe(true);
    expect(presence.inZone(1, 1).map((e) => e.characterId)).toEqual([1, 3]);
  });
});

describe("a session's incoming packets", () => {
  it("are handled within the read that completed them when nothing is ahead of them, not a promise turn later", () => {
    const { session: s, socket, client } = session(300);
    const line = { channel: { type: CHAT_CHANNEL_TYPE.Say, chatId: 0n }, message: "hi", formats: [], chatMessageId: 1 };
    // ClientChat before login: refused as a violation by the handling itself, so `closed` tells it ran.
    socket.emit("data", client.encode(ClientChat, line));
    expect(s.closed).toBe(true);
    expect(s.inFlight).toBe(0);
  });
});

describe("a session's logger", () => {
  it("is one child of the server's logger naming the session, its account and its character", () => {
    const { session: s } = session(7);
    s.setAccount({ id: 70, email: "a@example.com", loginScope: "scope" });
    s.setCharacter({ id: 700, name: "Seven", faction: 166, level: 1, worldId: 426, zoneId: 1 });
    // A child of a child of a child cost each in-world session twice the heap of one child.
    expect(Object.getPrototypeOf(s.logger)).toBe(logger);
    s.logger.info("in world");
    s.setCharacter(undefined);
    expect(Object.getPrototypeOf(s.logger)).toBe(logger);
    s.logger.info("at the character screen");
    const [inWorld, atScreen] = logLines.slice(-2);
    expect(inWorld).toMatchObject({ session: 7, remote: "127.0.0.1:40000", account: 70, character: 700, msg: "in world" });
    expect(atScreen).toMatchObject({ session: 7, account: 70, msg: "at the character screen" });
    expect(atScreen).not.toHaveProperty("character");
  });
});
