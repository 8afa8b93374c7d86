// Just enough of the PostgreSQL wire protocol to frame frontend messages and to find the
// transaction status in ReadyForQuery replies; PGlite does everything else.
import type net from "node:net";

const PROTOCOL_3 = 196608;
const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;

/** The one-byte "no SSL" answer to an SSLRequest. */
export const SSL_REFUSED = Buffer.from("N");

/** One frontend message (or, from {@link FrontendReader.nextBatch}, several typed ones in a row). */
export interface FrontendMessage {
  bytes: Uint8Array;
  sslRequest: boolean;
  terminate: boolean;
  /** The untyped startup packet (or a request before it). */
  startup: boolean;
}

/** Splits a socket's bytes into frontend messages; the first is the untyped startup packet. */
export class FrontendReader {
  #buffer = Buffer.alloc(0);
  #started = false;
  #ended = false;
  #wake: (() => void) | undefined;

  constructor(socket: net.Socket) {
    socket.on("data", (data: Buffer) => {
      this.#buffer = Buffer.concat([this.#buffer, data]);
      this.#wake?.();
    });
    const end = () => {
      this.#ended = true;
      this.#wake?.();
    };
    socket.on("end", end);
    socket.on("close", end);
    socket.on("error", end);
  }

  /** The next complete message, or null when the socket ended (or `timeoutMs` passed). */
  async next(timeoutMs?: number): Promise<FrontendMessage | null> {
    const deadline = timeoutMs === undefined ? undefined : Date.now() + timeoutMs;
    for (;;) {
      const message = this.#take();
      if (message) return message;
      if (this.#ended) return null;
      const left = deadline === undefined ? undefined : deadline - Date.now();
      if (left !== undefined && left <= 0) return null;
      await new Promise<void>((resolve) => {
        const timer = left === undefined ? undefined : setTimeout(resolve, left);
        this.#wake = () => {
          if (timer) clearTimeout(timer);
          resolve();
        };
      });
      this.#wake = undefined;
    }
  }

  /**
   * Like {@link next}, but a typed message comes with every further complete typed message already
   * received (up to a Terminate), as one buffer: PGlite runs them in one call, as a PostgreSQL
   * backend reads a pipelined Parse/Bind/Execute/Sync in one go.
   */
  async nextBatch(timeoutMs?: number): Promise<FrontendMessage | null> {
    const first = await this.next(timeoutMs);
    if (!first || first.startup || first.terminate) return first;
    let end = 0;
    const buf = this.#buffer;
    while (end + 5 <= buf.length && buf[end] !== 0x58 /* 'X' */) {
      const length = 1 + buf.readInt32BE(end + 1);
      if (end + length > buf.length) break;
      end += length;
    }
    if (end === 0) return first;
    const bytes = Buffer.concat([first.bytes, buf.subarray(0, end)]);
    this.#buffer = buf.subarray(end);
    return { ...first, bytes };
  }

  #take(): FrontendMessage | null {
    const buf = this.#buffer;
    if (!this.#started) {
      if (buf.length < 8) return null;
      const length = buf.readInt32BE(0);
      if (buf.length < length) return null;
      const code = buf.readInt32BE(4);
      const bytes = buf.subarray(0, length);
      this.#buffer = buf.subarray(length);
      if (code === SSL_REQUEST_CODE || code === GSSENC_REQUEST_CODE) {
        return { bytes, sslRequest: true, terminate: false, startup: true };
      }
      if (code === PROTOCOL_3) this.#started = true;
      return { bytes, sslRequest: false, terminate: code !== PROTOCOL_3, startup: true };
    }
    if (buf.length < 5) return null;
    const length = 1 + buf.readInt32BE(1);
    if (buf.length < length) return null;
    const bytes = buf.subarray(0, length);
    this.#buffer = buf.subarray(length);
    return { bytes, sslRequest: false, terminate: bytes[0] === 0x58 /* 'X' */, startup: false };
  }
}

/** What the socket server needs to know of a backend reply. */
export interface ReplySummary {
  /** Transaction status of the last ReadyForQuery ('Z'): I, T or E; undefined when there is none. */
  status: string | undefined;
  /** Every complete NotificationResponse ('A') message, as sent. */
  notifications: Buffer[];
  /** Whether a LISTEN completed in it (a CommandComplete 'C' tagged "LISTEN"). */
  listened: boolean;
}

/** The body of the CommandComplete of a LISTEN: its tag and the terminating NUL. */
const LISTEN_TAG = Buffer.from("LISTEN\0");

/** Scans a backend reply (split anywhere over `chunks`) for its last status, its notifications and a LISTEN. */
export function scanReply(chunks: Uint8Array[]): ReplySummary {
  const one = chunks.length === 1 ? (chunks[0] as Uint8Array) : undefined;
  const data = one ? Buffer.from(one.buffer, one.byteOffset, one.byteLength) : Buffer.concat(chunks);
  let status: string | undefined;
  const notifications: Buffer[] = [];
  let listened = false;
  for (let at = 0; at + 5 <= data.length;) {
    const type = data[at];
    const length = data.readInt32BE(at + 1);
    if (type === 0x5a /* 'Z' */ && length === 5 && at + 5 < data.length) {
      status = String.fromCharCode(data[at + 5] as number);
    } else if (type === 0x41 /* 'A' */ && at + 1 + length <= data.length) {
      notifications.push(Buffer.from(data.subarray(at, at + 1 + length)));
    } else if (type === 0x43 /* 'C' */ && length === 4 + LISTEN_TAG.length && at + 1 + length <= data.length) {
      listened ||= data.subarray(at + 5, at + 1 + length).equals(LISTEN_TAG);
    }
    at += 1 + length;
  }
  return { status, notifications, listened };
}

/** Transaction status of the last ReadyForQuery ('Z') in a backend reply: I, T or E. */
export function readyStatus(chunks: Uint8Array[]): string | undefined {
  return scanReply(chunks).status;
}

function simpleQuery(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const header = Buffer.alloc(5);
  header.write("Q", 0);
  header.writeInt32BE(4 + text.length, 1);
  return Buffer.concat([header, text]);
}

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

/** Messages that end an abandoned unit: Sync closes an extended query, ROLLBACK a transaction. */
export function rollbackMessages(status: string | undefined): Uint8Array[] {
  return status === "I" ? [SYNC] : [SYNC, simpleQuery("ROLLBACK")];
}
