import { isAscii } from "node:buffer";

/**
 * The bytes as a string, decoded as UTF-8 (a byte order mark is kept, as `toString("utf8")` keeps
 * it). Pure ASCII, the usual data file, is decoded as Latin-1 instead: the same string, several
 * times faster than the UTF-8 decoder (the bench's 18 MB set: 21 ms against 88 ms, median of 15).
 */
export function decodeUtf8(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return isAscii(buffer) ? buffer.toString("latin1") : buffer.toString("utf8");
}
