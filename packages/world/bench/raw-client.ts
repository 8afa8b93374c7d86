// A load-generating client: logs in by decoding packets like the headless client, then, in the
// timed loops, only cuts the byte stream into frames and looks at their sizes. The baselines
// (echo, fan-out) are driven by the very same code, so both sides of a ratio pay the same client.
import { connect, type Socket } from "node:net";
import {
  ClientCharacterList,
  ClientCharacterSelect,
  ClientEnteredWorld,
  ClientHelloRealm,
  ENTITY_TYPE,
  PacketChannel,
  type ClientPacketDef,
  type PacketValue,
  type ReceivedPacket,
} from "@bezgelor/protocol";

/** A player the bench logs in: what a realm server would hand the client. */
export interface BenchPlayer {
  readonly accountId: number;
  readonly email: string;
  readonly sessionKey: string;
  readonly characterId: number;
}

type Received = ReceivedPacket<"client">;

interface Waiter {
  name: string;
  resolve: (packet: Received) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/** One connection of the load generator. */
export class RawClient {
  readonly channel = new PacketChannel({ role: "client", maxFrameSize: 1 << 24 });
  /** Set in the timed loops: every frame's payload size, nothing decoded. */
  onFrame: ((size: number) => void) | undefined;
  /** Set in the movement loop on the probes: every frame as it arrived (still encrypted), before {@link onFrame}. */
  onFrameBytes: ((frame: { opcode: number; payload: Buffer }) => void) | undefined;
  /** This client's own unit (from ServerMovementControl at login). */
  unitId: number | undefined;
  /** When set, every frame's bytes are copied here before they are decoded (calibration). */
  capture: Buffer[] | undefined;
  /** Decoded packets nobody waited for (login only; cleared by {@link quiet}). */
  private inbox: Received[] = [];
  private waiter: Waiter | undefined;
  closed = false;

  private constructor(readonly socket: Socket) {
    socket.setNoDelay(true);
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      this.closed = true;
      this.waiter?.reject(new Error("the server closed the connection"));
    });
  }

  /** Connects; rejects on a refused or reset connection. */
  static connect(host: string, port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host, port }, () => {
        socket.off("error", reject);
        resolve(new RawClient(socket));
      });
      socket.once("error", reject);
    });
  }

  /** Encodes a client packet with this connection's current key (the bytes can be sent again). */
  encode<D extends ClientPacketDef>(def: D, value: PacketValue<D>): Buffer {
    return this.channel.encode(def, value);
  }

  send<D extends ClientPacketDef>(def: D, value: PacketValue<D>): void {
    this.socket.write(this.encode(def, value));
  }

  /** The next packet called `name` (earlier arrivals count). */
  waitFor(name: string, timeoutMs = 60_000): Promise<Received> {
    const index = this.inbox.findIndex((p) => p.name === name);
    if (index >= 0) return Promise.resolve(this.inbox.splice(index, 1)[0] as Received);
    if (this.closed) return Promise.reject(new Error("the server closed the connection"));
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = undefined;
        reject(new Error(`no ${name} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiter = { name, resolve, reject, timer };
    });
  }

  /** ServerHello, login with the realm session key, character list, enter the world. */
  async logIn(player: BenchPlayer): Promise<void> {
    await this.waitFor("ServerHello");
    const key = Buffer.from(player.sessionKey, "hex");
    this.send(ClientHelloRealm, { accountId: player.accountId, sessionKey: key, unused: 0n, email: player.email, always3: 3 });
    this.channel.rekey(key);
    this.send(ClientCharacterList, {});
    await this.waitFor("ServerCharacterList");
    this.send(ClientCharacterSelect, { characterId: BigInt(player.characterId) });
    await this.waitFor("ServerChangeWorld");
    this.send(ClientEnteredWorld, { worldZoneId: 0 });
    const control = await this.waitFor("ServerMovementControl");
    if (control.name === "ServerMovementControl") this.unitId = control.value.unitId;
    await this.waitFor("ServerPlayerEnteredWorld");
  }

  /**
   * The id of the unit of creature `creatureId` the server created for this client
   * (ServerEntityCreate of a non-player unit), from what arrived since login or what arrives next.
   * @throws Error when none arrives within `timeoutMs`.
   */
  async unitOfCreature(creatureId: number, timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    const match = (p: Received) => p.name === "ServerEntityCreate" && p.value.entity.type === ENTITY_TYPE.NonPlayer && p.value.entity.creatureId === creatureId;
    const found = this.inbox.find(match);
    if (found?.name === "ServerEntityCreate") return found.value.unitId;
    // The other units' creates are of no use here; without them, waitFor gives only new arrivals.
    this.inbox = this.inbox.filter((p) => p.name !== "ServerEntityCreate");
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no unit of creature ${creatureId} was created for this client`);
      const created = await this.waitFor("ServerEntityCreate", left);
      if (match(created) && created.name === "ServerEntityCreate") return created.value.unitId;
    }
  }

  /** Forgets what arrived unasked (the enter-world burst). */
  quiet(): void {
    this.inbox = [];
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    let frames;
    try {
      frames = this.channel.frames(chunk);
    } catch {
      this.socket.destroy();
      return;
    }
    const onFrame = this.onFrame;
    const onFrameBytes = this.onFrameBytes;
    if (onFrame || onFrameBytes) {
      for (const frame of frames) {
        onFrameBytes?.(frame);
        onFrame?.(frame.payload.length);
      }
      return;
    }
    for (const frame of frames) {
      if (this.capture) this.capture.push(frameBytes(frame.opcode, frame.payload));
      let packet: Received;
      try {
        packet = this.channel.decodeFrame(frame);
      } catch {
        this.socket.destroy();
        return;
      }
      const waiter = this.waiter;
      if (waiter && waiter.name === packet.name) {
        this.waiter = undefined;
        clearTimeout(waiter.timer);
        waiter.resolve(packet);
      } else {
        this.inbox.push(packet);
      }
    }
  }
}

/** A frame's bytes as they travelled: size (u32 LE, itself included), opcode (u16 LE), payload. */
export function frameBytes(opcode: number, payload: Buffer): Buffer {
  const out = Buffer.allocUnsafe(6 + payload.length);
  out.writeUInt32LE(out.length, 0);
  out.writeUInt16LE(opcode, 4);
  payload.copy(out, 6);
  return out;
}
