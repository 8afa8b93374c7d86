import { setImmediate as nextTurn } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import type { CipherTarget, EncodedPacket } from "@bezgelor/protocol";
import { FlushQueue, Outbox, type OutboxSocket } from "./outbox";

/**
 * Records every write as the kernel would get it (a corked batch as one write, as its `writev`),
 * and in `batches` the very chunks of each; `writableLength` is set by the test to play a peer
 * that stops reading.
 */
class FakeSocket implements OutboxSocket {
  readonly writes: Buffer[] = [];
  readonly batches: Buffer[][] = [];
  writableLength = 0;
  destroyed = false;
  private corked: Buffer[] | undefined;
  write(chunk: Buffer): boolean {
    if (this.corked) {
      this.corked.push(chunk);
      return true;
    }
    this.writes.push(Buffer.from(chunk));
    this.batches.push([chunk]);
    return true;
  }
  cork(): void {
    this.corked = [];
  }
  uncork(): void {
    const parts = this.corked ?? [];
    this.corked = undefined;
    this.writes.push(Buffer.concat(parts));
    this.batches.push(parts);
  }
}

const frame = (n: number) => Buffer.from([n, n, n]);

function outbox(socket: FakeSocket, queue = new FlushQueue(), maxBufferedBytes = 1024) {
  const overflows: number[] = [];
  const errors: unknown[] = [];
  const box = new Outbox(socket, { maxBufferedBytes, queue, onOverflow: (n) => overflows.push(n), onError: (e) => errors.push(e) });
  return { box, overflows, errors, queue };
}

describe("Outbox", () => {
  it("writes N frames queued in one turn with one write, in order", async () => {
    const socket = new FakeSocket();
    const { box } = outbox(socket);
    for (let i = 0; i < 50; i++) box.push(frame(i));
    expect(socket.writes).toHaveLength(0);
    await nextTurn();
    expect(socket.writes).toHaveLength(1);
    expect(socket.writes[0]).toEqual(Buffer.concat(Array.from({ length: 50 }, (_, i) => frame(i))));
    expect(box.queuedBytes).toBe(0);
  });

  it("writes frames filled in place and frames pushed whole in the order queued, in one write, without a buffer per frame", async () => {
    const socket = new FakeSocket();
    const { box } = outbox(socket, new FlushQueue(), 1 << 20);
    const inPlace = (n: number) => box.pushInPlace(3, (target, offset) => target.bytes.fill(n, offset, offset + 3));
    inPlace(1);
    inPlace(2);
    box.push(frame(3));
    inPlace(4);
    // a frame larger than the slab gets a slab of its size
    box.pushInPlace(5000, (target, offset) => target.bytes.fill(5, offset, offset + 5000));
    inPlace(6);
    expect(box.queuedBytes).toBe(5015);
    await nextTurn();
    expect(socket.writes).toHaveLength(1);
    expect(socket.writes[0]).toEqual(Buffer.concat([frame(1), frame(2), frame(3), frame(4), Buffer.alloc(5000, 5), frame(6)]));
    // a fill that throws queues nothing; the next turn starts afresh
    expect(() =>
      box.pushInPlace(3, () => {
        throw new Error("encode failed");
      }),
    ).toThrow("encode failed");
    inPlace(7);
    await nextTurn();
    expect(socket.writes[1]).toEqual(frame(7));
  });

  it("counts frames filled in place toward the bound", () => {
    const socket = new FakeSocket();
    const { box, overflows } = outbox(socket, new FlushQueue(), 10);
    box.pushInPlace(6, (target, offset) => target.bytes.fill(1, offset, offset + 6));
    expect(overflows).toEqual([]);
    box.pushInPlace(6, (target, offset) => target.bytes.fill(2, offset, offset + 6));
    expect(overflows).toEqual([12]);
    expect(box.queuedBytes).toBe(0);
  });

  it("keeps the order across turns: each turn is one write after the previous one", async () => {
    const socket = new FakeSocket();
    const { box } = outbox(socket);
    box.push(frame(1));
    box.push(frame(2));
    await nextTurn();
    box.push(frame(3));
    await nextTurn();
    box.push(frame(4));
    box.push(frame(5));
    await nextTurn();
    expect(socket.writes.map((w) => [...w].filter((_, i) => i % 3 === 0))).toEqual([[1, 2], [3], [4, 5]]);
  });

  it("flushes every waiting outbox once per turn from one scheduled run", async () => {
    const queue = new FlushQueue();
    const sockets = Array.from({ length: 20 }, () => new FakeSocket());
    const boxes = sockets.map((s) => outbox(s, queue).box);
    for (const [i, box] of boxes.entries()) {
      box.push(frame(i));
      box.push(frame(i + 100));
    }
    await nextTurn();
    expect(sockets.map((s) => s.writes.length)).toEqual(sockets.map(() => 1));
  });

  it("writes nothing to a socket that is gone, and drops what was queued", async () => {
    const socket = new FakeSocket();
    const { box } = outbox(socket);
    box.push(frame(1));
    socket.destroyed = true;
    await nextTurn();
    expect(socket.writes).toHaveLength(0);
    expect(box.queuedBytes).toBe(0);
  });

  it("reports a peer whose unsent bytes pass the bound once, and stops queueing for it", async () => {
    const socket = new FakeSocket();
    const { box, overflows } = outbox(socket, new FlushQueue(), 100);
    box.push(Buffer.alloc(60));
    // the peer reads nothing: Node keeps the 60 bytes this flush writes, and the next 60 pass the bound of 100
    socket.writableLength = 60;
    await nextTurn();
    box.push(Buffer.alloc(30));
    expect(overflows).toEqual([]);
    box.push(Buffer.alloc(30));
    expect(overflows).toEqual([120]);
    box.push(Buffer.alloc(30));
    await nextTurn();
    expect(overflows).toEqual([120]);
    expect(socket.writes).toHaveLength(1);
  });

  it("does not hold a backlog the kernel has taken since the last flush against the peer", async () => {
    const socket = new FakeSocket();
    const { box, overflows } = outbox(socket, new FlushQueue(), 100);
    box.push(Buffer.alloc(60));
    socket.writableLength = 60;
    await nextTurn();
    // the peer read it all: 70 more are within the bound, though 60 + 70 would not be
    socket.writableLength = 0;
    box.push(Buffer.alloc(70));
    expect(overflows).toEqual([]);
    await nextTurn();
    expect(socket.writes).toHaveLength(2);
  });

  it("reports the bound passed by Node's buffer growing after a write", async () => {
    const socket = new FakeSocket();
    const { box, overflows } = outbox(socket, new FlushQueue(), 100);
    socket.write = (chunk) => {
      socket.writes.push(chunk);
      socket.writableLength += chunk.length;
      return false;
    };
    box.push(Buffer.alloc(80));
    await nextTurn();
    expect(overflows).toEqual([]);
    box.push(Buffer.alloc(80));
    expect(overflows).toEqual([160]);
  });

  it("hands a failed write to its owner and goes on flushing the others", async () => {
    const queue = new FlushQueue();
    const broken = new FakeSocket();
    broken.write = () => {
      throw new Error("EPIPE");
    };
    const fine = new FakeSocket();
    const a = outbox(broken, queue);
    const b = outbox(fine, queue);
    a.box.push(frame(1));
    b.box.push(frame(2));
    await nextTurn();
    expect(a.errors).toHaveLength(1);
    expect(fine.writes).toEqual([frame(2)]);
  });

  it("writes the next turn from the same memory when the kernel took the whole last write, and never while Node still holds it", async () => {
    // A socket that keeps the very chunks it was given, as Node does until the kernel has them.
    const raw: Buffer[] = [];
    const socket = new FakeSocket();
    socket.write = (chunk) => {
      raw.push(chunk);
      return true;
    };
    const queue = new FlushQueue();
    const { box } = outbox(socket, queue, 1 << 20);
    const inPlace = (n: number) => box.pushInPlace(3, (target, offset) => target.bytes.fill(n, offset, offset + 3));
    inPlace(1);
    await nextTurn();
    inPlace(2);
    await nextTurn();
    // Node's buffer was empty after each write: the kernel had the bytes, the slab is free again
    expect(raw[1]!.buffer).toBe(raw[0]!.buffer);
    expect(raw[1]!.byteOffset).toBe(raw[0]!.byteOffset);
    expect(raw[1]).toEqual(frame(2));
    // the peer stops reading: Node keeps the last chunk, so the next turn must not write over it
    socket.write = (chunk) => {
      raw.push(chunk);
      socket.writableLength += chunk.length;
      return false;
    };
    inPlace(3);
    await nextTurn();
    inPlace(4);
    await nextTurn();
    expect(raw.slice(2)).toEqual([frame(3), frame(4)]);
  });

  it("hands a turn that outgrew its slab over in one corked batch of its parts, without copying them, and keeps the last slab only when the kernel took them", async () => {
    const socket = new FakeSocket();
    const { box } = outbox(socket, new FlushQueue(), 1 << 20);
    const memory: { buffer: ArrayBufferLike; at: number }[] = [];
    const inPlace = (n: number, size: number) =>
      box.pushInPlace(size, (target, offset) => {
        target.bytes.fill(n, offset, offset + size);
        memory.push({ buffer: target.bytes.buffer, at: target.bytes.byteOffset + offset });
      });
    inPlace(1, 3);
    await nextTurn();
    // a slab of 2048 bytes: the second frame does not fit it and starts a bigger one
    inPlace(2, 1500);
    inPlace(3, 1500);
    await nextTurn();
    const parts = socket.batches[1]!;
    expect(parts).toHaveLength(2);
    expect(socket.writes[1]).toEqual(Buffer.concat([Buffer.alloc(1500, 2), Buffer.alloc(1500, 3)]));
    // the parts are the slabs the frames were written into, not a copy of them
    expect(parts.map((part) => ({ buffer: part.buffer, at: part.byteOffset }))).toEqual(memory.slice(1, 3));
    // the kernel took both parts: the next turn is written where the last part was
    inPlace(4, 3);
    await nextTurn();
    expect(socket.batches[2]![0]!.buffer).toBe(parts[1]!.buffer);
    expect(socket.batches[2]![0]!.byteOffset).toBe(parts[1]!.byteOffset);
    expect(socket.writes[2]).toEqual(frame(4));
    // the peer stops reading: Node keeps the parts, so the next turn must not write over them
    socket.writableLength = 5000;
    inPlace(5, 1500);
    inPlace(6, 3000);
    await nextTurn();
    const held = socket.batches[3]!;
    expect(held).toHaveLength(2);
    const kept = held.map((part) => Buffer.from(part));
    inPlace(7, 3);
    await nextTurn();
    expect(held.map((part) => Buffer.from(part))).toEqual(kept);
    expect(socket.writes[4]).toEqual(frame(7));
  });

  it("gives an idle connection's slab to the next connection that needs one, not fresh memory, and never one the socket still holds", async () => {
    const queue = new FlushQueue();
    const first = new FakeSocket();
    const second = new FakeSocket();
    const a = outbox(first, queue, 1 << 20).box;
    const b = outbox(second, queue, 1 << 20).box;
    const at = (socket: FakeSocket) => ({ buffer: socket.batches.at(-1)![0]!.buffer, offset: socket.batches.at(-1)![0]!.byteOffset });
    const fill = (box: Outbox, n: number) => box.pushInPlace(3, (target, offset) => target.bytes.fill(n, offset, offset + 3));
    fill(a, 1);
    await nextTurn();
    const slabOfA = at(first);
    // a has nothing in this turn: it gives its slab back (b's write makes the turn)
    b.push(frame(9));
    await nextTurn();
    fill(b, 2);
    await nextTurn();
    expect(at(second)).toEqual(slabOfA);
    expect(second.writes.at(-1)).toEqual(frame(2));
    // b's peer stops reading: its slab stays the socket's, and the next slab taken is other memory
    second.writableLength = 100;
    fill(b, 3);
    await nextTurn();
    const held = at(second);
    a.push(frame(8));
    await nextTurn();
    fill(a, 4);
    await nextTurn();
    expect(at(first)).not.toEqual(held);
    expect(second.batches.at(-1)![0]).toEqual(frame(3));
  });

  it("hands every fill a cipher target whose view spans the whole memory of its slab, the same for a slab kept", async () => {
    const socket = new FakeSocket();
    const { box } = outbox(socket, new FlushQueue(), 1 << 20);
    const views: DataView[] = [];
    const fill = (n: number) =>
      box.pushInPlace(3, ({ bytes, view, base }, offset) => {
        expect(view.buffer).toBe(bytes.buffer);
        expect([view.byteOffset, view.byteLength, base]).toEqual([0, bytes.buffer.byteLength, bytes.byteOffset]);
        view.setUint8(base + offset, n);
        bytes.fill(n, offset + 1, offset + 3);
        views.push(view);
      });
    fill(1);
    fill(2);
    await nextTurn();
    fill(3);
    await nextTurn();
    expect(socket.writes).toEqual([Buffer.concat([frame(1), frame(2)]), frame(3)]);
    expect(new Set(views).size).toBe(1);
  });

  describe("packets sealed at the flush", () => {
    /** A stand-in for an encoded broadcast: `size` bytes the seal fills with `n` (xor the key). */
    const packet = (n: number, size = 3) => ({ n, size }) as unknown as EncodedPacket;
    function sealing(socket: FakeSocket, maxBufferedBytes = 1 << 20) {
      const calls: number[] = [];
      const errors: unknown[] = [];
      const state = { key: 0, fail: false };
      const box = new Outbox(socket, {
        maxBufferedBytes,
        queue: new FlushQueue(),
        onOverflow: () => undefined,
        onError: (e, during) => errors.push([e, during]),
        seal: (p: EncodedPacket, target: CipherTarget, offset: number) => {
          const { n } = p as unknown as { n: number };
          if (state.fail) throw new Error("seal failed");
          calls.push(n);
          target.bytes.fill(n ^ state.key, offset, offset + p.size);
        },
      });
      return { box, calls, errors, state };
    }

    it("seals them when the turn is written, receiver by receiver, in the order queued among frames of every kind", async () => {
      const socket = new FakeSocket();
      const { box, calls } = sealing(socket);
      box.pushSealed(packet(1));
      box.pushSealed(packet(2));
      expect(calls).toEqual([]);
      expect(box.queuedBytes).toBe(6);
      box.pushInPlace(3, (target, offset) => target.bytes.fill(3, offset, offset + 3));
      // queuing anything else seals what came before it first
      expect(calls).toEqual([1, 2]);
      box.pushSealed(packet(4));
      box.push(frame(5));
      box.pushSealed(packet(6, 5000));
      box.pushSealed(packet(7));
      expect(calls).toEqual([1, 2, 4]);
      await nextTurn();
      expect(calls).toEqual([1, 2, 4, 6, 7]);
      expect(socket.writes).toHaveLength(1);
      expect(socket.writes[0]).toEqual(Buffer.concat([frame(1), frame(2), frame(3), frame(4), frame(5), Buffer.alloc(5000, 6), frame(7)]));
      expect(box.queuedBytes).toBe(0);
    });

    it("keeps each packet with the key it was queued under when the owner settles before a key change", async () => {
      const socket = new FakeSocket();
      const { box, state } = sealing(socket);
      box.pushSealed(packet(1));
      box.settle();
      state.key = 0x10;
      box.pushSealed(packet(1));
      await nextTurn();
      expect(socket.writes[0]).toEqual(Buffer.concat([frame(1), frame(0x11)]));
    });

    it("counts their bytes toward the bound when queued, and drops them with the connection", async () => {
      const socket = new FakeSocket();
      const overflows: number[] = [];
      const box = new Outbox(socket, {
        maxBufferedBytes: 10,
        queue: new FlushQueue(),
        onOverflow: (n) => overflows.push(n),
        onError: () => undefined,
        seal: () => undefined,
      });
      box.pushSealed(packet(1, 6));
      expect(overflows).toEqual([]);
      box.pushSealed(packet(2, 6));
      expect(overflows).toEqual([12]);
      await nextTurn();
      expect(socket.writes).toEqual([]);
    });

    it("reports a seal that throws and writes nothing of the turn's broken stream", async () => {
      const socket = new FakeSocket();
      const { box, errors, state } = sealing(socket);
      box.pushSealed(packet(1));
      state.fail = true;
      box.pushSealed(packet(2));
      await nextTurn();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toEqual([new Error("seal failed"), "seal"]);
      expect(socket.writes).toEqual([]);
      expect(box.queuedBytes).toBe(0);
    });

    it("refuses pushSealed on an outbox made without a seal", () => {
      const { box } = outbox(new FakeSocket());
      expect(() => box.pushSealed(packet(1))).toThrow("no seal option");
    });
  });
});
