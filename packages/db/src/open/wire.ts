// Just enough of the PostgreSQL wire protocol to frame frontend messages and to find the
// transaction status in ReadyForQuery replies; PGlite does everything else.
import type net from "node:net";

const PROTOCOL_3 = 196608;
const SSL_REQUEST_CODE = 80877103;
const GSSENC_REQUEST_CODE = 80877104;

/** The one-byte "no SSL" answer to an SSLRequest. */
export const SSL_REFUSED = Buffer.from("N");

/** One frontend message. */
export interface FrontendMessage {
  bytes: Uint8Array;
  sslRequest: boolean;
  terminate: boolean;
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
        return { bytes, sslRequest: true, terminate: false };
      }
      if (code === PROTOCOL_3) this.#started = true;
      return { bytes, sslRequest: false, terminate: code !== PROTOCOL_3 };
    }
    if (buf.length < 5) return null;
    const length = 1 + buf.readInt32BE(1);
    if (buf.length < length) return null;
    const bytes = buf.subarray(0, length);
    this.#buffer = buf.subarray(length);
    return { bytes, sslRequest: false, terminate: bytes[0] === 0x58 /* 'X' */ };
  }
}

/** Transaction status of the last ReadyForQuery ('Z') in a backend reply: I, T or E. */
export function readyStatus(chunks: Uint8Array[]): string | undefined {
  const data = Buffer.concat(chunks);
  let status: string | undefined;
  for (let at = 0; at + 5 <= data.length;) {
    const type = data[at];
    const length = data.readInt32BE(at + 1);
    if (type === 0x5a /* 'Z' */ && length === 5 && at + 5 < data.length) {
      status = String.fromCharCode(data[at + 5] as number);
    }
    at += 1 + length;
  }
  return status;
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
