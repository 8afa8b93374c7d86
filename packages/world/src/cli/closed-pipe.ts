import type { Writable } from "node:stream";

/**
 * A writer to `stream` that goes quiet once its reader has gone (`bezgelor ledger show | head`).
 * Node ignores SIGPIPE, so a write to a closed pipe fails with EPIPE as an `error` event, which
 * unhandled would crash the process with a stack trace and exit 1. Unix tools end quietly there
 * (killed by SIGPIPE); the CLI instead drops what it would still write and lets the command finish
 * as it would have: a change it was making completes, the embedded database is closed cleanly, and
 * the exit status is the command's own (0 after success), so `set -o pipefail` scripts that read
 * only the head of the output do not fail. Any other error on the stream is thrown as before.
 */
export function pipeWriter(stream: Writable): (text: string) => void {
  let closed = false;
  stream.on("error", (err: NodeJS.ErrnoException) => {
    // A write queued before the EPIPE arrived fails as "destroyed": the same closed pipe.
    if (err.code === "EPIPE" || (closed && err.code === "ERR_STREAM_DESTROYED")) closed = true;
    else throw err;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
