// The load process: forked by run.ts, it holds every client connection and runs the timed loops,
// so the world server and the baselines never share a process with their load.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { decodeUtf8, loadGameData } from "@bezgelor/data";
import {
  benchCodec,
  ClientEntityCommand,
  ClientEntityInteract,
  ClientStorefrontPurchaseCharacter,
  clientPackets,
  ENTITY_COMMAND,
  type ClientPacketDef,
  type PacketValue,
} from "@bezgelor/protocol";
import { moveLoop, type SenderOf } from "./move-loop";
import { closedLoop } from "./loops";
import { pgActionStatementLoop, pgTransactionLoop, pgUpdateLoop, pgliteActionStatementLoop, pgliteTransactionLoop, pgliteUpdateLoop } from "./db-baseline";
import { RawClient, type BenchPlayer } from "./raw-client";
import { serveParent } from "./rpc";
import { latencyOf, runPool } from "./stats";

const groups = new Map<string, RawClient[]>();
/** Each client's movement requests per group (two positions it walks between). */
const moves = new Map<string, Buffer[][]>();
const requests = new Map<string, Buffer[]>();
/** Requests made afresh for every send (store purchases, each with a new transaction id). */
const freshRequests = new Map<string, (i: number) => Buffer>();

function group(name: string): RawClient[] {
  const clients = groups.get(name);
  if (!clients) throw new Error(`no client group ${name}`);
  return clients;
}

function packetDef(name: string): ClientPacketDef {
  const def = (clientPackets as Record<string, ClientPacketDef>)[name];
  if (!def) throw new Error(`no client packet ${name}`);
  return def;
}

function firstError(settled: PromiseSettledResult<unknown>[]): string | undefined {
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  return failed ? String(failed.reason instanceof Error ? failed.reason.message : failed.reason) : undefined;
}

interface Packet {
  readonly name: string;
  readonly value: unknown;
}

/** A walking client's movement: at `position`, facing north, no velocity, walking mode (as the headless client sends it). */
function movementCommands(position: { x: number; y: number; z: number }): PacketValue<typeof ClientEntityCommand> {
  const zero = { x: 0, y: 0, z: 0 };
  return {
    time: 0,
    commands: [
      { command: ENTITY_COMMAND.SetPosition, position, blend: false },
      { command: ENTITY_COMMAND.SetRotation, rotation: zero, blend: false },
      { command: ENTITY_COMMAND.SetVelocity, velocity: zero, blend: false },
      { command: ENTITY_COMMAND.SetMove, move: zero, blend: false },
      { command: ENTITY_COMMAND.SetState, state: 0 },
      { command: ENTITY_COMMAND.SetMode, mode: 0 },
    ],
  };
}

serveParent({
  /** Connections that only get their ServerHello and stay open (the memory figure). */
  async "connect-idle"(a: { host: string; port: number; count: number; group: string }) {
    const opened: RawClient[] = [];
    const settled = await runPool(a.count, 200, async () => {
      const client = await RawClient.connect(a.host, a.port);
      opened.push(client);
      await client.waitFor("ServerHello");
      client.quiet();
    });
    groups.set(a.group, opened);
    return { connected: settled.filter((s) => s.status === "fulfilled").length, firstError: firstError(settled) };
  },
  /** Connections to a baseline server, which says nothing first. */
  async "connect-raw"(a: { host: string; port: number; count: number; group: string }) {
    const settled = await runPool(a.count, 200, () => RawClient.connect(a.host, a.port));
    groups.set(
      a.group,
      settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : [])),
    );
    return { connected: group(a.group).length, firstError: firstError(settled) };
  },
  /**
   * Logs players in, `concurrency` at a time; the latency is connect → ServerPlayerEnteredWorld.
   * `append`: the clients join `group` (else they replace it). Returns the latencies (ms) too.
   */
  async login(a: { host: string; port: number; players: BenchPlayer[]; concurrency: number; group: string; append?: boolean }) {
    const clients: RawClient[] = [];
    const started = performance.now();
    const settled = await runPool(a.players.length, a.concurrency, async (i) => {
      const t = performance.now();
      const client = await RawClient.connect(a.host, a.port);
      clients.push(client);
      await client.logIn(a.players[i] as BenchPlayer);
      return performance.now() - t;
    });
    const seconds = (performance.now() - started) / 1000;
    const latencies = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
    groups.set(a.group, a.append ? [...(groups.get(a.group) ?? []), ...clients] : clients);
    return {
      logins: latencies.length,
      seconds,
      ...latencyOf(latencies),
      latencies,
      failed: settled.length - latencies.length,
      firstError: firstError(settled),
    };
  },
  /**
   * Every client finds the unit of creature `creatureId` among the units the server created for it
   * (ServerEntityCreate, kept since login), interacts with it (`event`, 49 opens a vendor) and waits
   * for `reply`; then forgets the burst. Returns the unit ids the clients used.
   */
  async interact(a: { group: string; creatureId: number; event: number; reply: string }) {
    const clients = group(a.group);
    const units = new Set<number>();
    const settled = await runPool(clients.length, 100, async (i) => {
      const client = clients[i] as RawClient;
      const unitId = await client.unitOfCreature(a.creatureId);
      units.add(unitId);
      client.send(ClientEntityInteract, { unitId, event: a.event });
      await client.waitFor(a.reply);
    });
    await new Promise((r) => setTimeout(r, 200));
    for (const client of clients) client.quiet();
    return { failed: settled.filter((s) => s.status === "rejected").length, firstError: firstError(settled), units: [...units] };
  },
  /**
   * Encodes each client's request (stored under `request`), sends one from the first client and
   * records the frames until `terminal`: their bytes (for the baselines) and the terminal's size.
   */
  async calibrate(a: { group: string; request: string; packet: Packet; terminal: string }) {
    const clients = group(a.group);
    const def = packetDef(a.packet.name);
    requests.set(
      a.request,
      clients.map((c) => c.encode(def, a.packet.value as never)),
    );
    const first = clients[0] as RawClient;
    for (const client of clients) client.quiet();
    first.capture = [];
    first.socket.write((requests.get(a.request) as Buffer[])[0] as Buffer);
    const answer = await first.waitFor(a.terminal, 30_000);
    await new Promise((r) => setTimeout(r, 200));
    const frames = first.capture;
    first.capture = undefined;
    for (const client of clients) client.quiet();
    const names: string[] = [];
    // Decoding again tells which captured frame is which (the client's key is stateless per frame).
    for (const bytes of frames) names.push(first.channel.decodeFrame({ opcode: bytes.readUInt16LE(4), payload: bytes.subarray(6) }).name);
    const terminalIndex = names.lastIndexOf(answer.name);
    const terminalSize = (frames[terminalIndex] as Buffer).length - 6;
    // The loops tell the answer by its size: another frame of that size would be counted as one.
    const clash = frames.findIndex((f, i) => i !== terminalIndex && f.length - 6 === terminalSize);
    if (clash >= 0) throw new Error(`${names[clash]} has the size of ${answer.name} (${terminalSize} bytes): the loop could not tell them apart`);
    return {
      frames: frames.map((f) => f.toString("base64")),
      names,
      terminalSize,
      requestBytes: (requests.get(a.request) as Buffer[])[0]?.toString("base64"),
    };
  },
  /**
   * Client i of `group` buys `offers[i]` with ClientStorefrontPurchaseCharacter, each send with the
   * next transaction id (from 1; 0 would be a purchase without idempotency key): stored as the
   * request `request` of the closed loop.
   */
  "store-requests"(a: { group: string; request: string; offers: { offerId: number; currencyId: number; price: number; categoryId: number }[] }) {
    const clients = group(a.group);
    const next = clients.map(() => 0);
    freshRequests.set(a.request, (i) => {
      const offer = a.offers[i] as (typeof a.offers)[number];
      next[i] = (next[i] as number) + 1;
      const purchase = { ...offer, unknown0: 0, target: { realmId: 0, characterId: 0n }, transactionId: next[i] };
      return (clients[i] as RawClient).encode(ClientStorefrontPurchaseCharacter, { purchase });
    });
    return null;
  },
  /** A closed loop of every client of `group` sending `request` (or `bytes` for baselines). */
  async loop(a: { group: string; request?: string; bytes?: string; terminalSize: number; seconds: number; serverPid?: number }) {
    const clients = group(a.group);
    const fresh = a.request ? freshRequests.get(a.request) : undefined;
    if (fresh) return closedLoop(clients, fresh, a.terminalSize, a.seconds, a.serverPid);
    const own = a.request ? requests.get(a.request) : undefined;
    const bytes = own ?? [Buffer.from(a.bytes ?? "", "base64")];
    return closedLoop(clients, bytes, a.terminalSize, a.seconds, a.serverPid);
  },
  /** How many clients `group` has (0 when there is no such group). */
  size(a: { group: string }) {
    return groups.get(a.group)?.length ?? 0;
  },
  /**
   * Encodes every client's two movement commands (walking half a metre back and forth around
   * `at`, well within the speed limit), sends one from the first client and captures the update
   * the second receives: its size (the loops count updates by it) and bytes (for the bare relay).
   */
  async "move-calibrate"(a: { group: string; at: { x: number; y: number; z: number } }) {
    const clients = group(a.group);
    if (clients.length < 2) throw new Error("the movement relay needs at least 2 clients");
    const step = (dx: number) => movementCommands({ x: a.at.x + dx, y: a.at.y, z: a.at.z });
    moves.set(
      a.group,
      clients.map((c) => [c.encode(ClientEntityCommand, step(0.25)), c.encode(ClientEntityCommand, step(-0.25))]),
    );
    for (const client of clients) client.quiet();
    const [mover, viewer] = clients as [RawClient, RawClient];
    viewer.capture = [];
    mover.socket.write((moves.get(a.group) as Buffer[][])[0]?.[1] as Buffer);
    const update = await viewer.waitFor("ServerEntityCommand", 30_000);
    if (update.name !== "ServerEntityCommand" || update.value.unitId !== mover.unitId) throw new Error("the second client saw another unit's update first");
    await new Promise((r) => setTimeout(r, 200));
    const frames = viewer.capture;
    viewer.capture = undefined;
    for (const client of clients) client.quiet();
    // Frames travel encrypted inside a wrapper: decoding again tells which one is the update.
    const bytes = frames.find((f) => viewer.channel.decodeFrame({ opcode: f.readUInt16LE(4), payload: f.subarray(6) }).name === "ServerEntityCommand");
    if (!bytes) throw new Error("no ServerEntityCommand frame was captured");
    return { updateSize: bytes.length - 6, update: bytes.toString("base64"), requestSize: ((moves.get(a.group) as Buffer[][])[0]?.[0] as Buffer).length };
  },
  /**
   * The movement loop of `group` (see move-loop.ts). `relay`: the clients are connected to the bare
   * relay, which writes the sender's index in the clear at the start of each update's payload;
   * their requests are raw frames of `requestSize` bytes carrying their own index.
   */
  async "move-loop"(a: {
    group: string;
    relay?: { requestSize: number };
    updateSize: number;
    intervalMs: number;
    seconds: number;
    probes: number;
    serverPid?: number;
  }) {
    const clients = group(a.group);
    let requests: Buffer[][];
    let senderOf: SenderOf;
    if (a.relay) {
      const size = a.relay.requestSize;
      requests = clients.map((_, i) => {
        const frame = Buffer.alloc(size);
        frame.writeUInt32LE(size, 0);
        frame.writeUInt16LE(ClientEntityCommand.opcode, 4);
        frame.writeUInt32LE(i, 6);
        return [frame];
      });
      senderOf = (_client, frame) => frame.payload.readUInt32LE(0);
    } else {
      const own = moves.get(a.group);
      if (!own) throw new Error(`move-calibrate ${a.group} first`);
      requests = own;
      const indexOf = new Map(clients.map((c, i) => [c.unitId, i]));
      senderOf = (client, frame) => {
        const packet = client.channel.decodeFrame(frame);
        return packet.name === "ServerEntityCommand" ? indexOf.get(packet.value.unitId) : undefined;
      };
    }
    return moveLoop({
      clients,
      requests,
      updateSize: a.updateSize,
      senderOf,
      intervalMs: a.intervalMs,
      seconds: a.seconds,
      probes: a.probes,
      ...(a.serverPid === undefined ? {} : { serverPid: a.serverPid }),
    });
  },
  /** The first `count` clients of `from`, also known as `to` (the buyers among the round-trip players). */
  subgroup(a: { from: string; to: string; count: number }) {
    groups.set(a.to, group(a.from).slice(0, a.count));
    return null;
  },
  close(a: { group: string }) {
    for (const client of groups.get(a.group) ?? []) client.close();
    groups.delete(a.group);
    return null;
  },
  "pg-update": pgUpdateLoop,
  "pg-statement": pgActionStatementLoop,
  "pglite-statement": pgliteActionStatementLoop,
  "pglite-update": pgliteUpdateLoop,
  "pg-transaction": pgTransactionLoop,
  "pglite-transaction": pgliteTransactionLoop,
  codec(a: { seconds: number; packets: "chat" | "mix" }) {
    return benchCodec({ seconds: a.seconds, packets: a.packets });
  },
  /** Milliseconds to read and JSON.parse every file of the directory, as loadGameData reads them. */
  async "data-parse"(a: { dir: string; files: string[] }) {
    const started = performance.now();
    await Promise.all(a.files.map(async (file) => JSON.parse(decodeUtf8(await readFile(join(a.dir, file)))) as unknown));
    return performance.now() - started;
  },
  async "data-load"(a: { dir: string }) {
    const started = performance.now();
    await loadGameData({ dir: a.dir });
    return performance.now() - started;
  },
});
