import type { Socket } from "node:net";
import type { Logger } from "pino";
import {
  FrameAssembler,
  PacketChannel,
  ProtocolError,
  ServerRequestResult,
  isProtocolError,
  type Frame,
  type PacketValue,
  type ReceivedPacket,
  type ServerPacketDef,
  type CipherTarget,
} from "@bezgelor/protocol";
import { DbError, isDatabaseUnavailable, type AccountRole } from "@bezgelor/db";
import { clientMessage, outcomeOf } from "../error-outcomes";
import { WorldError } from "../errors";
import type { HandlerContext, HandlerMap } from "../handlers/types";
import type { OutgoingPacket } from "./outgoing";
import { Outbox, type FlushQueue } from "./outbox";
import { TokenBucket } from "./rate-limit";
import { RESULT_CODES } from "./result-codes";
import { fitText } from "./fit-text";
import type { WorldServices } from "./services";
import type { SessionState } from "./states";

const KEEPALIVE_MS = 30_000;

/**
 * How long a closed session's socket waits for the peer to close its side, reading and dropping
 * what still arrives, before it is destroyed (see `lingerClose`). A peer that reads closes at
 * once on our FIN; one that keeps sending past this costs a socket no longer.
 */
const LINGER_MS = 5_000;

/**
 * Who logged in. Deliberately no role: permissions are read from the database where they are
 * used (`getAccountRole`), so a role changed by the CLI applies to the very next request.
 */
export interface SessionAccount {
  readonly id: number;
  readonly email: string;
  /**
   * Names the realm login this session came from (a digest of its session key): the client numbers
   * its store transactions per login, so a transaction id means one purchase only within it.
   */
  readonly loginScope: string;
}

export interface SessionCharacter {
  readonly id: number;
  readonly name: string;
  readonly faction: number;
  readonly level: number;
  worldId: number;
  zoneId: number;
}

/** Why the session closes, and whether the client broke the protocol (logged as a warning). */
export interface CloseReason {
  readonly reason: string;
  readonly violation: boolean;
  readonly error?: unknown;
  /**
   * Drop what is still queued and destroy the socket at once, instead of flushing and ending it
   * gracefully (a slow client whose unsent bytes are the problem).
   */
  readonly abort?: boolean;
}

interface SessionHooks {
  /** Runs once when the session closes; `wasState` is the state it closed in. */
  onClose(session: Session, why: CloseReason, wasState: SessionState): void;
  /** Where the session's outbox waits for the end of the turn (tests end turns themselves). */
  readonly flushQueue?: FlushQueue;
}

/**
 * One client connection. Bytes become frames as they arrive; each frame is decrypted, decoded and
 * handled one at a time, in order, on the session's own queue, so a rekey takes effect exactly
 * between two packets and sessions never block each other.
 *
 * Deadlines: login must complete within `loginTimeoutSeconds` of connecting whatever the client
 * sends; a frame, once its first byte arrived, must be whole within `frameTimeoutSeconds`; and a
 * session without a complete frame for `idleTimeoutSeconds` is closed.
 *
 * A handler may still be waiting (on the database) when the session closes. Its later effects on
 * the session (state, account, character, key) throw WorldError SESSION_CLOSED instead of
 * applying, and presence refuses a closed peer, so nothing outlives the connection.
 */
export class Session {
  private current: SessionState = "connected";
  account: SessionAccount | undefined;
  /** The player opened the store this session: an admin's change of an offer sends it the catalog again. */
  storeOpen = false;
  character: SessionCharacter | undefined;
  /**
   * The vendor the player has open and the unit selling it: the genuine ClientVendorPurchase names
   * only the item, and each purchase checks the unit is still in reach.
   */
  openVendor: { readonly vendorId: number; readonly unitId: number } | undefined;
  /**
   * The account's role as last known (login, then account.role-changed events), for what others
   * are shown only: the GM flag on chat lines. Never a permission: commands read the role from
   * the database where they are used.
   */
  shownRole: AccountRole = "player";
  logger: Logger;
  /** The peer's IP address (connection caps count per address). */
  readonly address: string;
  private readonly channel: PacketChannel<"server">;
  private readonly outbox: Outbox;
  private readonly assembler: FrameAssembler;
  private readonly bucket: TokenBucket;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  private readonly idleTimer: NodeJS.Timeout;
  private readonly loginTimer: NodeJS.Timeout;
  private frameTimer: NodeJS.Timeout | undefined;
  private closeWhy: CloseReason | undefined;
  private readonly remote: string;
  /** What every handler of this session gets: one object for the session's life, not one per packet. */
  private readonly context: HandlerContext;

  constructor(
    readonly id: number,
    private readonly socket: Socket,
    private readonly services: WorldServices,
    private readonly handlers: HandlerMap,
    private readonly hooks: SessionHooks,
  ) {
    const { server } = services.config;
    this.address = socket.remoteAddress ?? "unknown";
    // A peer that reset before the accept ran has no address left to read.
    this.remote = socket.remoteAddress === undefined ? "unknown" : `${socket.remoteAddress}:${socket.remotePort ?? "?"}`;
    this.logger = this.contextLogger();
    this.context = { session: this, services };
    // Whole bytes after a complete body are ignored, as NexusForever does: the genuine client may
    // send fields neither emulator models, and that must not cost a real player the connection.
    this.channel = new PacketChannel({ role: "server", maxFrameSize: server.maxFrameSize, trailing: "ignore" });
    // Frames are assembled here, not in the channel, so the session sees a partial frame and can
    // hold it to the frame deadline.
    this.assembler = new FrameAssembler({ maxFrameSize: server.maxFrameSize });
    this.bucket = new TokenBucket(server.rateLimitPerSecond, server.rateLimitBurst);
    const maxBufferedBytes = server.maxOutgoingBytes;
    this.outbox = new Outbox(socket, {
      maxBufferedBytes,
      ...(hooks.flushQueue ? { queue: hooks.flushQueue } : {}),
      onOverflow: (buffered) => {
        this.logger.warn({ buffered, limit: maxBufferedBytes }, "disconnecting a slow client: too many bytes waiting to be sent");
        this.close({ reason: `slow client: ${buffered} bytes waiting to be sent (limit ${maxBufferedBytes})`, violation: false, abort: true });
      },
      onError: (error, during) =>
        this.close({ reason: during === "seal" ? "internal error while sealing a broadcast" : "socket write failed", violation: false, error, abort: true }),
      seal: (packet, target, offset) => this.channel.sealInto(packet, target, offset),
    });
    socket.setNoDelay(true);
    // The client's ClientPing is the heartbeat the idle timer watches; TCP keep-alive also finds
    // peers that vanished without a FIN while the idle timeout is long.
    socket.setKeepAlive(true, KEEPALIVE_MS);
    socket.on("data", (chunk) => this.onData(chunk));
    socket.on("error", (error) => this.close({ reason: "socket error", violation: false, error }));
    socket.on("close", () => this.close({ reason: "connection closed by peer", violation: false }));
    const seconds = server.idleTimeoutSeconds;
    this.idleTimer = setTimeout(() => this.close({ reason: `idle for ${seconds} s`, violation: false }), seconds * 1000);
    this.idleTimer.unref();
    const login = server.loginTimeoutSeconds;
    this.loginTimer = setTimeout(() => this.close({ reason: `login not completed within ${login} s`, violation: false }), login * 1000);
    this.loginTimer.unref();
  }

  /** Where the session is in its life; `closed` once {@link close} ran. */
  get state(): SessionState {
    return this.current;
  }

  /**
   * Moves the session on (handlers call this after their work).
   * @throws WorldError SESSION_CLOSED when the session closed meanwhile: the change is dropped.
   */
  set state(next: SessionState) {
    this.assertOpen(`move to ${next}`);
    this.current = next;
  }

  /** Packets waiting in or running on this session's queue. */
  get inFlight(): number {
    return this.pending;
  }

  get closed(): boolean {
    return this.closeWhy !== undefined;
  }

  /**
   * Handlers call this after a wait before an effect that must not outlive the connection.
   * @throws WorldError SESSION_CLOSED when the session has closed.
   */
  assertOpen(action = "continue"): void {
    if (this.closeWhy) throw new WorldError("SESSION_CLOSED", `session closed (${this.closeWhy.reason}) before it could ${action}`);
  }

  /**
   * The logged-in account. Handlers only run in states that have one, so a missing account is a
   * server bug, reported as such rather than papered over.
   * @throws WorldError WRONG_STATE
   */
  requireAccount(): SessionAccount {
    if (!this.account) throw new WorldError("WRONG_STATE", `no account in state ${this.state}`);
    return this.account;
  }

  /**
   * The character in the world (see {@link requireAccount}).
   * @throws WorldError WRONG_STATE
   */
  requireCharacter(): SessionCharacter {
    if (!this.character) throw new WorldError("WRONG_STATE", `no character in state ${this.state}`);
    return this.character;
  }

  /**
   * Records who logged in (the login deadline no longer applies); every later log line of the
   * session names the account.
   * @throws WorldError SESSION_CLOSED when the session has closed.
   */
  setAccount(account: SessionAccount): void {
    this.assertOpen("log in");
    clearTimeout(this.loginTimer);
    this.account = account;
    this.logger = this.contextLogger();
  }

  /**
   * Records the character entering the world (or none, back at the character screen).
   * @throws WorldError SESSION_CLOSED when the session has closed.
   */
  setCharacter(character: SessionCharacter | undefined): void {
    this.assertOpen(character ? "select a character" : "leave the world");
    this.character = character;
    this.openVendor = undefined;
    this.logger = this.contextLogger();
  }

  /**
   * One child of the server's logger naming the session and, once known, its account and
   * character. Not a child of the previous one: a chain of three cost an in-world session
   * 1.4 KB of heap, one child 0.6 KB.
   */
  private contextLogger(): Logger {
    return this.services.logger.child({
      session: this.id,
      remote: this.remote,
      ...(this.account ? { account: this.account.id } : {}),
      ...(this.character ? { character: this.character.id } : {}),
    });
  }

  /**
   * Encodes (with this session's key) and queues a server packet; dropped once the session closed.
   * Everything queued in one event-loop turn goes out in one write, in order (see `Outbox`).
   * @throws ProtocolError `ENCODE_FAILED` when the value does not fit the packet: a server error,
   * logged here with the packet's name; the packet's handler then answers INTERNAL and the session
   * goes on (see `handleFailure`).
   */
  send<D extends ServerPacketDef>(def: D, value: PacketValue<D>): void {
    if (this.closed || this.socket.destroyed) return;
    try {
      // Encoded, framed and encrypted straight into the outbox's buffer: no frame of its own.
      this.channel.encodeThrough(def, value, this.queueInPlace);
    } catch (error) {
      this.logger.error({ packet: def.name, err: error }, `server packet ${def.name} failed to encode`);
      throw error;
    }
  }

  private readonly queueInPlace = (size: number, fill: (target: CipherTarget, offset: number) => void): void => this.outbox.pushInPlace(size, fill);

  /**
   * Presence delivers packets built for many sessions through here: the packet is encoded once
   * (by its first receiver) and each session only frames and encrypts it with its own key.
   * @throws ProtocolError `ENCODE_FAILED` as {@link send}.
   */
  deliver(out: OutgoingPacket): void {
    // Not the socket's `destroyed` (three objects read per receiver of a broadcast): a socket
    // destroyed before its session closed drops what was queued at the flush.
    if (this.closed) return;
    try {
      // Sealed (framed and encrypted with this session's key) into the outbox's buffer when the
      // turn is written, with the turn's other broadcasts: see Outbox.pushSealed.
      this.outbox.pushSealed(out.encode());
    } catch (error) {
      this.logger.error({ packet: out.def.name, err: error }, `server packet ${out.def.name} failed to encode`);
      throw error;
    }
  }

  /**
   * Switches both directions to the key derived from the account's session key. The client
   * switches as soon as it has sent ClientHelloRealm, so the login handler calls this first:
   * every reply after that, a refusal included, must use the new key.
   */
  rekey(sessionKey: Uint8Array): void {
    // Broadcasts queued before the switch keep the key they were queued under.
    this.outbox.settle();
    this.channel.rekey(sessionKey);
  }

  /** Waits until every packet already received has been handled. */
  async drain(): Promise<void> {
    let seen: Promise<void> | undefined;
    while (seen !== this.queue) {
      seen = this.queue;
      await seen;
    }
  }

  /** Stops reading from the socket (shutdown): what was received still gets handled. */
  stopReading(): void {
    this.socket.pause();
  }

  /**
   * Ends the session: queued packets are written and the socket ended, lingering until the peer
   * closes too (see `lingerClose`), or, for `abort`, dropped and the socket destroyed; hooks run once.
   */
  close(why: CloseReason): void {
    if (this.closeWhy) return;
    this.closeWhy = why;
    const wasState = this.current;
    this.current = "closed";
    clearTimeout(this.idleTimer);
    clearTimeout(this.loginTimer);
    clearTimeout(this.frameTimer);
    const fields = { reason: why.reason, state: wasState };
    if (why.violation) this.logger.warn({ ...fields, ...violationFields(why.error) }, "disconnecting: protocol violation");
    else this.logger.info({ ...fields, err: why.error }, "session closed");
    if (why.abort) {
      this.outbox.discard();
      this.socket.destroy();
    } else {
      // What the session queued this turn (a last refusal, ServerLogout) goes out before the FIN.
      this.outbox.flush();
      this.lingerClose();
    }
    this.hooks.onClose(this, why, wasState);
  }

  /**
   * Ends the socket after what was written (a FIN) and keeps reading, dropping what the peer still
   * sends, until the peer closes its side too or {@link LINGER_MS} pass. Closing the socket while
   * the peer's bytes arrive unread makes the kernel answer with a reset that throws away every byte
   * it had not sent yet: a client closed for flooding that read late lost the answers to the
   * packets handled before the limit (`test/chat-flood.e2e.test.ts`: 79 of 202 chat lines came back).
   */
  private lingerClose(): void {
    const socket = this.socket;
    // Closed by the peer or a socket error: nothing left to linger for.
    if (socket.destroyed) return;
    socket.end();
    // Reading again after stopReading (shutdown): what still arrives is read and dropped (onData).
    socket.resume();
    const linger = setTimeout(() => socket.destroy(), LINGER_MS);
    linger.unref();
    socket.once("close", () => clearTimeout(linger));
  }

  private onData(chunk: Buffer): void {
    if (this.closed) return;
    let frames: Frame[];
    try {
      frames = this.assembler.push(chunk);
    } catch (error) {
      this.close({ reason: describe(error), violation: true, error });
      return;
    }
    // Only whole frames count as activity: a byte trickle keeps neither the idle timer nor a
    // partial frame alive. One timer each, refreshed rather than recreated on the hot path.
    if (frames.length > 0) this.idleTimer.refresh();
    this.watchPartialFrame(frames.length > 0);
    for (const frame of frames) {
      // A packet handled below may have closed the session (a violation, a logout).
      if (this.closed) return;
      if (!this.bucket.take()) {
        this.close({ reason: "packet rate limit exceeded", violation: true });
        return;
      }
      this.pending += 1;
      if (this.pending > 1) {
        this.enqueue(frame);
        continue;
      }
      // Nothing ahead of it: handled now, without a trip through the promise queue. A handler
      // that finishes synchronously (a chat line) costs no promise at all; one that waits becomes
      // the queue the next packet waits behind.
      let running: Promise<void> | undefined;
      try {
        running = this.process(frame);
      } catch (error) {
        this.crashed(error);
        continue;
      }
      if (running === undefined) this.pending -= 1;
      else this.queue = running.then(this.settled, this.crashed);
    }
  }

  /**
   * Queues `frame` behind a packet still being handled (waiting on the database): in order, after
   * it. A method of its own, so the closure it makes (and the context that closure needs) is paid
   * only here, never by onData for every packet.
   */
  private enqueue(frame: Frame): void {
    this.queue = this.queue.then(() => this.process(frame)).then(this.settled, this.crashed);
  }

  /** A packet is done: the next may run at once. */
  private readonly settled = (): void => {
    this.pending -= 1;
  };

  /** process() handles its own errors; this only guards the queue, so one bug cannot stall it. */
  private readonly crashed = (error: unknown): void => {
    this.pending -= 1;
    this.close({ reason: "internal error while handling a packet", violation: false, error });
  };

  /** Starts the frame deadline when a frame begins, restarts it when a new one begins, stops it when none is pending. */
  private watchPartialFrame(completedSome: boolean): void {
    if (this.assembler.bufferedBytes === 0) {
      clearTimeout(this.frameTimer);
      this.frameTimer = undefined;
      return;
    }
    if (this.frameTimer && !completedSome) return;
    if (this.frameTimer) {
      this.frameTimer.refresh();
      return;
    }
    const seconds = this.services.config.server.frameTimeoutSeconds;
    this.frameTimer = setTimeout(
      () => this.close({ reason: `frame not completed within ${seconds} s (${this.assembler.bufferedBytes} bytes received)`, violation: false }),
      seconds * 1000,
    );
    this.frameTimer.unref();
  }

  /**
   * Decodes and handles one frame: undefined when that is done (a handler that finished
   * synchronously, or a packet refused), or the promise of a handler still running. Never rejects
   * for the handler's errors: they are answered or close the session here.
   */
  private process(frame: Frame): Promise<void> | undefined {
    if (this.closed) return undefined;
    let packet: ReceivedPacket<"server">;
    try {
      packet = this.channel.decodeFrame(frame);
    } catch (error) {
      this.close({ reason: describe(error), violation: true, error });
      return undefined;
    }
    const spec = this.handlers[packet.name];
    if (!(spec.states as readonly string[]).includes(this.state)) {
      this.close({ reason: `${packet.name} not allowed in state ${this.state}`, violation: true });
      return undefined;
    }
    const ctx = this.context;
    let running: Promise<void> | void;
    try {
      running = spec.handle(ctx, packet.value as never);
    } catch (error) {
      this.handlerFailed(spec, ctx, packet, error);
      return undefined;
    }
    if (running === undefined) return undefined;
    return this.answerRejection(running, spec, packet);
  }

  /**
   * The handler still running, its rejection answered like a thrown error. A method of its own
   * (see {@link enqueue}): the closure is made only for a handler that waits.
   */
  private answerRejection(running: Promise<void>, spec: HandlerMap[keyof HandlerMap], packet: ReceivedPacket<"server">): Promise<void> {
    return running.then(undefined, (error: unknown) => this.handlerFailed(spec, this.context, packet, error));
  }

  private handlerFailed(spec: HandlerMap[keyof HandlerMap], ctx: HandlerContext, packet: ReceivedPacket<"server">, error: unknown): void {
    if (error instanceof WorldError && error.code === "SESSION_CLOSED") {
      this.logger.debug({ packet: packet.name, reason: error.message }, "dropped: the session closed while the packet was handled");
      return;
    }
    if (isDatabaseUnavailable(error)) {
      this.services.health.failed(error, { session: this.id, packet: packet.name });
      if (spec.onUnavailable) spec.onUnavailable(ctx, packet.value as never);
      else this.send(ServerRequestResult, { requestOpcode: packet.opcode, code: RESULT_CODES.UNAVAILABLE, message: "service unavailable, try again later" });
      return;
    }
    const genuine = spec.onFailure && (() => spec.onFailure?.(ctx, packet.value as never));
    this.handleFailure(packet.name, packet.opcode, error, genuine);
  }

  /**
   * Answers a failed request: a violation closes the session; otherwise the failure is logged
   * (info for a refusal, error for a server failure) and the client is told, with `genuine` (the
   * handler's `onFailure`) when it has one, else with ServerRequestResult.
   */
  private handleFailure(name: string, opcode: number, error: unknown, genuine?: () => void): void {
    const answer = (code: number, message: string) => {
      if (genuine && this.answerGenuinely(name, genuine)) return;
      this.send(ServerRequestResult, { requestOpcode: opcode, code, message });
    };
    // Our own packet did not fit its field (send() logged it, naming the packet): a server error,
    // never the client's violation, so the client hears INTERNAL and the session goes on.
    if (isProtocolError(error, "ENCODE_FAILED")) {
      answer(RESULT_CODES.INTERNAL, "internal server error");
      return;
    }
    const outcome = error instanceof ProtocolError ? ({ client: "violation" } as const) : outcomeOf(error);
    if (outcome?.client === "violation") {
      this.close({ reason: describe(error), violation: true, error });
      return;
    }
    if (outcome && outcome.client !== "internal" && (error instanceof DbError || error instanceof WorldError)) {
      this.logger.info({ packet: name, result: outcome.client, code: error.code, details: error.details }, `refused: ${error.message}`);
      answer(RESULT_CODES[outcome.client], fitText(ServerRequestResult.fields.message, clientMessage(error, { ...outcome, client: outcome.client })));
      return;
    }
    this.logger.error({ packet: name, err: error }, "handler failed");
    answer(RESULT_CODES.INTERNAL, "internal server error");
  }

  /** Runs a handler's `onFailure`; false (logged) when it failed too, so the caller answers with ServerRequestResult. */
  private answerGenuinely(name: string, genuine: () => void): boolean {
    try {
      genuine();
      return true;
    } catch (error) {
      this.logger.error({ packet: name, err: error }, "answering the failure failed");
      return false;
    }
  }
}

function describe(error: unknown): string {
  if (error instanceof ProtocolError || error instanceof WorldError) return `${error.code}: ${error.message}`;
  return error instanceof Error ? error.message : String(error);
}

/**
 * A client's protocol violation as logged: a ProtocolError or WorldError (the client sent it; our
 * stack says nothing about it) as `error` with its name, code and message, so garbage from the
 * internet costs one short line each; anything else (a bug of ours) as `err`, with its stack.
 * Told by name and code, as isProtocolError does, not by class.
 */
function violationFields(error: unknown): Record<string, unknown> {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | undefined;
  const expected = error instanceof Error && (e?.name === "ProtocolError" || e?.name === "WorldError") && typeof e.code === "string";
  return expected ? { error: { type: e.name, code: e.code, message: e.message } } : { err: error };
}
