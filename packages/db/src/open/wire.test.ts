import { EventEmitter } from "node:events";
import type net from "node:net";
import { describe, expect, it } from "vitest";
import { FrontendReader, readyStatus, rollbackMessages } from "./wire.js";

function fakeSocket() {
  return new EventEmitter() as unknown as net.Socket;
}

function startup(): Buffer {
  const body = Buffer.from("user\0postgres\0\0");
  const b = Buffer.alloc(8);
  b.writeInt32BE(8 + body.length, 0);
  b.writeInt32BE(196608, 4);
  return Buffer.concat([b, body]);
}

function typed(type: string, body: Buffer = Buffer.alloc(0)): Buffer {
  const b = Buffer.alloc(5);
  b.write(type, 0);
  b.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([b, body]);
}

describe("FrontendReader", () => {
  it("frames the startup packet, then typed messages, across arbitrary chunk boundaries", async () => {
    const socket = fakeSocket();
    const reader = new FrontendReader(socket);
    const stream = Buffer.concat([startup(), typed("Q", Buffer.from("SELECT 1\0")), typed("S"), typed("X")]);
    for (let i = 0; i < stream.length; i += 3) socket.emit("data", stream.subarray(i, i + 3));
    const first = await reader.next();
    expect(first).toMatchObject({ sslRequest: false, terminate: false });
    expect(Buffer.from(first?.bytes ?? []).equals(startup())).toBe(true);
    expect((await reader.next())?.bytes[0]).toBe(0x51);
    expect((await reader.next())?.bytes[0]).toBe(0x53);
    expect(await reader.next()).toMatchObject({ terminate: true });
    socket.emit("end");
    expect(await reader.next()).toBeNull();
  });

  it("recognises an SSLRequest before startup and times out when idle", async () => {
    const socket = fakeSocket();
    const reader = new FrontendReader(socket);
    const ssl = Buffer.alloc(8);
    ssl.writeInt32BE(8, 0);
    ssl.writeInt32BE(80877103, 4);
    socket.emit("data", ssl);
    expect(await reader.next()).toMatchObject({ sslRequest: true });
    expect(await reader.next(20)).toBeNull();
  });
});

describe("readyStatus", () => {
  it("returns the status of the last ReadyForQuery, even when split over chunks", () => {
    const reply = Buffer.concat([typed("C", Buffer.from("BEGIN\0")), typed("Z", Buffer.from("T"))]);
    expect(readyStatus([reply.subarray(0, 7), reply.subarray(7)])).toBe("T");
    expect(readyStatus([typed("Z", Buffer.from("I")), typed("Z", Buffer.from("E"))])).toBe("E");
    expect(readyStatus([typed("1")])).toBeUndefined();
  });

  it("abandoning a unit syncs, and rolls back unless idle", () => {
    expect(rollbackMessages("I")).toHaveLength(1);
    expect(rollbackMessages("T").map((m) => String.fromCharCode(m[0] as number))).toEqual(["S", "Q"]);
  });
});
