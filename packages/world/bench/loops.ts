// The timed closed loops of the load process. Each client has one request in flight: it sends its
// request bytes, and the request is done when a frame of the terminal size arrives; then it sends
// again, until the deadline.
import { latencyOf, type Latency } from "./stats";
import type { RawClient } from "./raw-client";
import { cpuSeconds } from "./world-process";

/** What one closed loop measured. */
export interface LoopResult extends Latency {
  readonly requests: number;
  readonly seconds: number;
  /** Other frames received meanwhile (the zone's lines from other players). */
  readonly otherFrames: number;
  /** Clients whose connection closed during the loop (a rate limit, a crash). */
  readonly disconnected: number;
  /** Requests still unanswered at the end (counted as neither done nor failed). */
  readonly inFlight: number;
  /** CPU seconds the server process spent in the timed window (NaN without its pid). */
  readonly serverCpuSeconds: number;
  /** CPU seconds this load process spent in the timed window (the clients' side of the loop). */
  readonly loadCpuSeconds: number;
  /** The timed window, CLOCK_MONOTONIC microseconds (the clock of the server's CPU profile). */
  readonly window: readonly [number, number];
}

/** CLOCK_MONOTONIC now, in microseconds: `process.hrtime` and V8's profiles read the same clock. */
export function monotonicUs(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

/**
 * Runs every client in a closed loop for `seconds`, after an untimed warm-up that lasts until every
 * client has had an answer (at least a tenth of `seconds`, at most {@link WARM_UP_CAP_MS}): a slow
 * server's first answers take a whole queue's time, and a window that starts before the loop is
 * steady would measure that queue, not the server.
 * `requests[i]` is client i's request, or `requests(i)` client i's next request (a fresh one each
 * send); `terminalSize` the payload size of the frame that answers it.
 */
export async function closedLoop(
  clients: readonly RawClient[],
  requests: readonly Buffer[] | ((i: number) => Buffer),
  terminalSize: number,
  seconds: number,
  serverPid?: number,
): Promise<LoopResult> {
  const serverCpu = () => (serverPid === undefined ? Number.NaN : cpuSeconds(serverPid));
  const warmUpMs = Math.min(1000, seconds * 100);
  let timing = false;
  let stop = false;
  let done = 0;
  let other = 0;
  const samples: number[] = [];
  const sentAt = new Float64Array(clients.length);
  const waiting = new Uint8Array(clients.length);
  const answered = new Uint8Array(clients.length);
  let answeredClients = 0;
  clients.forEach((client, i) => {
    const fixed: Buffer = typeof requests === "function" ? Buffer.alloc(0) : (requests[i] ?? requests[0] ?? Buffer.alloc(0));
    const send = () => {
      sentAt[i] = performance.now();
      waiting[i] = 1;
      client.socket.write(typeof requests === "function" ? requests(i) : fixed);
    };
    client.onFrame = (size) => {
      if (size !== terminalSize) {
        if (timing) other += 1;
        return;
      }
      waiting[i] = 0;
      if (answered[i] === 0) {
        answered[i] = 1;
        answeredClients += 1;
      }
      if (timing) {
        done += 1;
        samples.push(performance.now() - (sentAt[i] as number));
      }
      if (!stop) send();
    };
    send();
  });
  await warmUp(warmUpMs, () => answeredClients >= clients.filter((c) => !c.closed).length);
  timing = true;
  const cpuBefore = serverCpu();
  const loadBefore = process.cpuUsage();
  const started = performance.now();
  const windowStart = monotonicUs();
  await sleep(seconds * 1000);
  timing = false;
  const windowEnd = monotonicUs();
  stop = true;
  const elapsed = (performance.now() - started) / 1000;
  const serverCpuSeconds = serverCpu() - cpuBefore;
  const load = process.cpuUsage(loadBefore);
  const loadCpuSeconds = (load.user + load.system) / 1e6;
  // Let the last answers come in, so the next loop starts on a quiet connection.
  for (let waited = 0; waited < 10_000 && waiting.some((w, i) => w === 1 && !clients[i]?.closed); waited += 50) await sleep(50);
  const inFlight = waiting.reduce((n, w, i) => n + (w === 1 && !clients[i]?.closed ? 1 : 0), 0);
  // Back to decoding: the next calibration reads packets again.
  for (const client of clients) client.onFrame = undefined;
  return {
    requests: done,
    seconds: elapsed,
    otherFrames: other,
    disconnected: clients.filter((c) => c.closed).length,
    inFlight,
    serverCpuSeconds,
    loadCpuSeconds,
    window: [windowStart, windowEnd],
    ...(samples.length > 0 ? latencyOf(samples) : { p50: Number.NaN, p99: Number.NaN }),
  };
}

/** Longest warm-up of a loop, in milliseconds. */
export const WARM_UP_CAP_MS = 30_000;

/** Waits at least `minMs`, then until `steady()` holds or {@link WARM_UP_CAP_MS} have passed. */
export async function warmUp(minMs: number, steady: () => boolean): Promise<void> {
  const started = performance.now();
  await sleep(minMs);
  while (!steady() && performance.now() - started < WARM_UP_CAP_MS) await sleep(20);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
