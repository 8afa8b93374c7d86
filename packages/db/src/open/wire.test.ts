import { EventEmitter } from "node:events";
import type net from "node:net";
import { describe, expect, it } from "vitest";
import { FrontendReader, readyStatus, rollbackMessages, scanReply } from "./wire.js";

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

describe("FrontendReader.nextBatch", () => {
  it("joins the typed messages already received, never the startup packet, and stops before Terminate", async () => {
    const socket = fakeSocket();
    const reader = new FrontendReader(socket);
    const parse = typed("P", Buffer.from("\0SELECT 1\0\0\0"));
    socket.emit("data", Buffer.concat([startup(), parse, typed("B"), typed("S")]));
    expect(await reader.nextBatch()).toMatchObject({ startup: true });
    const batch = await reader.nextBatch();
    expect(Buffer.from(batch?.bytes ?? []).equals(Buffer.concat([parse, typed("B"), typed("S")]))).toBe(true);
    socket.emit("data", Buffer.concat([typed("Q", Buffer.from("SELECT 2\0")), typed("X"), typed("Q", Buffer.from("late\0"))]));
    expect((await reader.nextBatch())?.bytes.length).toBe(typed("Q", Buffer.from("SELECT 2\0")).length);
    expect(await reader.nextBatch()).toMatchObject({ terminate: true });
  });

  it("leaves an incomplete message for later", async () => {
    const socket = fakeSocket();
    const reader = new FrontendReader(socket);
    socket.emit("data", startup());
    await reader.nextBatch();
    const sync = typed("S");
    const query = typed("Q", Buffer.from("SELECT 3\0"));
    socket.emit("data", Buffer.concat([sync, query.subarray(0, 4)]));
    expect((await reader.nextBatch())?.bytes.length).toBe(sync.length);
    socket.emit("data", query.subarray(4));
    expect(Buffer.from((await reader.nextBatch())?.bytes ?? []).equals(query)).toBe(true);
  });
});

describe("scanReply", () => {
  it("finds every notification, whole, and the last status", () => {
    const body = Buffer.concat([Buffer.from([0, 0, 0, 7]), Buffer.from("chan\0payload\0")]);
    const notification = typed("A", body);
    const reply = Buffer.concat([typed("C", Buffer.from("SELECT 1\0")), notification, typed("Z", Buffer.from("I"))]);
    const summary = scanReply([reply.subarray(0, 9), reply.subarray(9, 20), reply.subarray(20)]);
    expect(summary.status).toBe("I");
    expect(summary.notifications).toHaveLength(1);
    expect(summary.notifications[0]?.equals(notification)).toBe(true);
    expect(summary.listened).toBe(false);
  });

  it("says whether a LISTEN completed, and only for the LISTEN tag", () => {
    const reply = (tag: string) => Buffer.concat([typed("C", Buffer.from(`${tag}\0`)), typed("Z", Buffer.from("I"))]);
    expect(scanReply([reply("LISTEN").subarray(0, 6), reply("LISTEN").subarray(6)]).listened).toBe(true);
    expect(scanReply([reply("UNLISTEN")]).listened).toBe(false);
    expect(scanReply([reply("SELECT 1")]).listened).toBe(false);
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
