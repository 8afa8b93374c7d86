import type { CipherTarget, EncodedPacket } from "@bezgelor/protocol";
import { giveBackSlab, MAX_SLAB, MIN_SLAB, takeSlab } from "./slab-pool";

/** What an {@link Outbox} writes to: a `net.Socket` in the server, anything alike in tests. */
export interface OutboxSocket {
  write(chunk: Buffer): boolean;
  /** Holds writes until {@link uncork}, which hands them to the kernel together (one `writev`). */
  cork(): void;
  uncork(): void;
  /** Bytes written but not yet handed to the kernel (Node's own buffer). */
  readonly writableLength: number;
  readonly destroyed: boolean;
}

/** Settings and callbacks of an {@link Outbox}. */
export interface OutboxOptions {
  /**
   * Most bytes a connection may have waiting (queued here plus Node's socket buffer) before it is
   * given up as a slow client, so one peer that stops reading cannot grow the server's memory.
   */
  readonly maxBufferedBytes: number;
  /** Called once the bound is passed, with the bytes waiting; the owner closes the connection. */
  onOverflow(buffered: number): void;
  /**
   * A write threw (`"write"`: the socket is gone) or a seal did (`"seal"`: a server bug; the turn's
   * stream is broken, so nothing of it is written); the owner logs it and closes.
   */
  onError(error: unknown, during: "write" | "seal"): void;
  /** Where the outbox waits for the end of the turn; the shared {@link FLUSH_QUEUE} by default. */
  readonly queue?: FlushQueue;
  /**
   * Frames and encrypts a packet queued with {@link Outbox.pushSealed} for this connection, its
   * `size` bytes at `offset` of `target.bytes` (`PacketChannel.sealInto` with the connection's key).
   * Required before pushSealed is used.
   */
  readonly seal?: (packet: EncodedPacket, target: CipherTarget, offset: number) => void;
}

/**
 * The frames one connection sends, written together once per event-loop turn: every packet a
 * handler, a broadcast or an event delivery queues during the turn goes out in one system call, in
 * the order queued, instead of one write per packet: one `socket.write` of the turn's stretch of
 * its slab, or, for a turn in several parts (it outgrew its slab), the parts written corked, so
 * one `writev` hands them over without copying them into one buffer first.
 * Frames are complete and encrypted when queued, so a rekey between two packets keeps each with
 * its own key.
 */
export class Outbox {
  /** Finished parts of this turn's output, in order: frames pushed whole, and filled stretches of slabs. */
  private frames: Buffer[] = [];
  private bytes = 0;
  /**
   * This turn's buffer for frames written in place ({@link pushInPlace}), with the view the
   * encryption writes through; its open stretch is slabStart..slabUsed.
   */
  private slab: CipherTarget | undefined;
  /**
   * The slab's length (0 without one), kept here so that a broadcast's push to each receiver reads
   * only this object: reading the slab's Buffer for it cost a cache miss per receiver.
   */
  private slabSize = 0;
  private slabStart = 0;
  private slabUsed = 0;
  /**
   * The socket's own backlog (`writableLength`) as of this outbox's last write. Only the outbox
   * writes to the socket and the kernel only ever shrinks that backlog, so it is an upper bound:
   * the bound is checked against it and the socket read only when it might be passed.
   */
  private socketBacklog = 0;
  /** Bytes of the last turn that wrote: the next slab's size, so a busy connection's turn fits one slab. */
  private lastTurnBytes = 0;
  private scheduled = false;
  private overflowed = false;
  private readonly queue: FlushQueue;
  /**
   * Packets for many receivers queued with {@link pushSealed} and not sealed yet, in order: sealed
   * together when the turn is written (or before anything queued after them), so a zone's lines
   * are encrypted receiver by receiver, each connection's key and buffer in cache for all of them,
   * instead of every line visiting every connection in turn.
   */
  private readonly deferred: EncodedPacket[] = [];

  constructor(
    private readonly socket: OutboxSocket,
    private readonly options: OutboxOptions,
  ) {
    this.queue = options.queue ?? FLUSH_QUEUE;
  }

  /** Whether a flush is waiting for the end of this turn. */
  get isScheduled(): boolean {
    return this.scheduled;
  }

  /** Bytes queued and not yet written. */
  get queuedBytes(): number {
    return this.bytes;
  }

  /** Queues a complete frame for the end of this turn. Reports an overflow at once if the bound is passed already. */
  push(frame: Buffer): void {
    if (this.overflowed) return;
    this.settle();
    this.closeSlab();
    this.frames.push(frame);
    this.queued(frame.length);
  }

  /**
   * Queues a `size`-byte frame that `fill` writes straight into this turn's outgoing buffer at
   * `offset` of `target.bytes` (a broadcast sealed for this connection with
   * `PacketChannel.sealInto`): no buffer of its own per frame, and no copy when the turn's frames
   * are written. Nothing is queued when `fill` throws.
   * Reports an overflow at once if the bound is passed.
   */
  pushInPlace(size: number, fill: (target: CipherTarget, offset: number) => void): void {
    if (this.overflowed) return;
    this.settle();
    fill(this.room(size), this.slabUsed);
    this.slabUsed += size;
    this.queued(size);
  }

  /**
   * Queues a packet encoded once for many receivers (`encodePacket`), sealed for this connection
   * by the `seal` option when the turn is written, or before the next frame queued after it: the
   * order of frames is the order queued, whatever the kind. Its bytes count toward the bound at
   * once. Reports an overflow at once if the bound is passed.
   * @throws Error when the outbox was made without a `seal` option.
   */
  pushSealed(packet: EncodedPacket): void {
    if (this.overflowed) return;
    if (this.options.seal === undefined) throw new Error("this outbox has no seal option: pushSealed cannot be used");
    this.deferred.push(packet);
    this.queued(packet.size);
  }

  /** Counts `size` more bytes queued, has the turn's flush write them, and checks the bound. */
  private queued(size: number): void {
    this.bytes += size;
    if (!this.scheduled) {
      this.scheduled = true;
      this.queue.add(this);
    }
    this.checkBound();
  }

  /**
   * Seals every packet {@link pushSealed} queued, in order, into this turn's slab. Called before
   * anything else is queued, before the flush, and by the owner before the connection's key
   * changes (each packet keeps the key it was queued under). A seal that throws (a server bug)
   * drops the packets not sealed yet and reports the error; the owner closes the connection.
   */
  settle(): void {
    const deferred = this.deferred;
    if (deferred.length === 0) return;
    const seal = this.options.seal!;
    try {
      for (let i = 0; i < deferred.length; i++) {
        const packet = deferred[i]!;
        const size = packet.size;
        seal(packet, this.room(size), this.slabUsed);
        this.slabUsed += size;
      }
    } catch (error) {
      this.discard();
      this.options.onError(error, "seal");
    } finally {
      deferred.length = 0;
    }
  }

  /** This turn's slab, with room for `size` more bytes at `slabUsed` (a new, bigger slab when it had none). */
  private room(size: number): CipherTarget {
    let slab = this.slab;
    if (slab === undefined || this.slabUsed + size > this.slabSize) {
      this.closeSlab();
      // A turn bigger than the last doubles its slabs: few parts to join at the flush.
      slab = takeSlab(Math.max(MIN_SLAB, size, this.lastTurnBytes, Math.min(MAX_SLAB, 2 * this.slabSize)));
      this.slab = slab;
      this.slabSize = slab.bytes.length;
      this.slabStart = 0;
      this.slabUsed = 0;
    }
    return slab;
  }

  /** Lets go of the slab and its view (the memory goes once the socket is done with it). */
  private dropSlab(): void {
    this.slab = undefined;
    this.slabSize = 0;
  }

  /** Ends the slab's open stretch as a part, so a frame pushed whole comes after it. */
  private closeSlab(): void {
    if (this.slab && this.slabUsed > this.slabStart) {
      this.frames.push(this.slab.bytes.subarray(this.slabStart, this.slabUsed));
      this.slabStart = this.slabUsed;
    }
  }

  /**
   * Writes everything queued in one system call (nothing when the socket is gone), then checks the
   * bound. The slab is kept for the next turn when the socket holds none of it: the kernel took the
   * whole write at once (Node's buffer is empty after it). Otherwise the written stretches stay the
   * socket's until sent, and the next turn starts a slab of its own.
   */
  flush(): void {
    this.scheduled = false;
    if (!this.overflowed) this.settle();
    this.closeSlab();
    if (this.frames.length === 0) {
      this.dropSlab();
      return;
    }
    // The list is kept for the next turn (emptied below): the socket keeps the parts, not the list.
    const frames = this.frames;
    const bytes = this.bytes;
    this.bytes = 0;
    this.lastTurnBytes = Math.min(MAX_SLAB, bytes);
    if (this.socket.destroyed || this.overflowed) {
      frames.length = 0;
      this.dropSlab();
      return;
    }
    try {
      if (frames.length === 1) this.socket.write(frames[0]!);
      else this.writeParts(frames);
    } catch (error) {
      this.dropSlab();
      this.options.onError(error, "write");
      return;
    } finally {
      frames.length = 0;
    }
    this.socketBacklog = this.socket.writableLength;
    if (this.slab && this.socketBacklog === 0) this.slabStart = this.slabUsed = 0;
    else this.dropSlab();
    this.checkBound();
  }

  /**
   * A turn in several parts, corked so that they leave in one `writev`: a turn that outgrew its
   * slab (a zone's busy turn) cost a copy of every byte into a new buffer when they were joined.
   */
  private writeParts(parts: readonly Buffer[]): void {
    this.socket.cork();
    try {
      for (const part of parts) this.socket.write(part);
    } finally {
      this.socket.uncork();
    }
  }

  /**
   * Gives the kept slab back when nothing was queued in it since the last flush: the queue calls
   * this for a connection that had nothing to send in the turn after one that wrote, so an idle
   * connection holds no slab.
   */
  releaseSlab(): void {
    const slab = this.slab;
    if (slab === undefined || this.slabUsed !== 0) return;
    this.dropSlab();
    // The last flush found none of it in the socket, and nothing was queued in it since.
    giveBackSlab(slab);
  }

  /** {@link flush} for the queue: whatever goes wrong stays with this connection, never the others. */
  flushOrReport(): void {
    try {
      this.flush();
    } catch (error) {
      this.options.onError(error, "write");
    }
  }

  /** Drops what is queued: the connection is being torn down without a goodbye. */
  discard(): void {
    this.deferred.length = 0;
    this.frames = [];
    this.bytes = 0;
    this.dropSlab();
  }

  private checkBound(): void {
    if (this.bytes + this.socketBacklog <= this.options.maxBufferedBytes || this.overflowed) return;
    this.socketBacklog = this.socket.writableLength;
    const buffered = this.bytes + this.socketBacklog;
    if (buffered <= this.options.maxBufferedBytes) return;
    this.overflowed = true;
    this.discard();
    this.options.onOverflow(buffered);
  }
}

/**
 * Outboxes with frames queued this turn. One `setImmediate` per turn flushes them all, after the
 * poll phase: the replies and broadcasts of every packet read in that phase go out together.
 */
export class FlushQueue {
  private waiting: Outbox[] = [];
  /** The outboxes flushed by the last run: those with nothing in the next one give their slab back. */
  private flushed: Outbox[] = [];
  private armed = false;

  /** Flushes `outbox` at the end of this turn (an outbox adds itself once per turn). */
  add(outbox: Outbox): void {
    this.waiting.push(outbox);
    if (!this.armed) {
      this.armed = true;
      setImmediate(() => this.run());
    }
  }

  /** Flushes every outbox waiting now (the scheduled run; tests call it to end a turn early). */
  run(): void {
    this.armed = false;
    const waiting = this.waiting;
    this.waiting = [];
    // Before the flushes: one of the last run's outboxes that is not waiting had nothing this turn.
    for (const outbox of this.flushed) if (!outbox.isScheduled) outbox.releaseSlab();
    for (const outbox of waiting) outbox.flushOrReport();
    this.flushed = waiting;
  }
}

/** The process's flush queue: every session's outbox waits here. */
export const FLUSH_QUEUE = new FlushQueue();
