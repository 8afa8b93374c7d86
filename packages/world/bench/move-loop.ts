// The movement relay loop of the load process: every client sends a movement command at the
// client's own interval (an open loop, not a closed one: a client moves whether or not the others'
// moves have arrived), and every client counts the relayed updates it receives. A few probe
// clients also tell whose update each one is, to time its delivery from its sender's send (same
// process, same clock): the k-th update of sender S a probe receives answers S's k-th send, as
// the server relays each accepted command once, in order, to everyone who sees S.
import type { RawClient } from "./raw-client";
import { latencyOf, type Latency } from "./stats";
import { sleep } from "./loops";
import { cpuSeconds } from "./world-process";

/** What one movement loop measured. */
export interface MoveLoopResult extends Latency {
  /** Movement commands sent in the timed window. */
  readonly sent: number;
  /** Relayed updates received by all clients in the timed window. */
  readonly relayed: number;
  readonly seconds: number;
  /**
   * Relayed updates received from the window's start until the relay went quiet after it (the
   * backlog of an overloaded relay included), and the relaying process's CPU seconds over the
   * same span: their quotient is its CPU per update even when it cannot keep up.
   */
  readonly relayedToQuiet: number;
  readonly cpuToQuiet: number;
  /** Seconds from the window's start to the last update received: relayedToQuiet over it is the relay's sustained rate. */
  readonly secondsToLast: number;
  /** Relayed updates the timed window's sends asked for (each send × the other clients). */
  readonly offered: number;
  /** Delivery latency samples taken (probe clients × their senders' updates). */
  readonly samples: number;
  /** Updates still not received by the probes when the loop gave up waiting. */
  readonly undelivered: number;
  readonly disconnected: number;
  /** CPU seconds of the relaying server in the timed window (NaN without its pid). */
  readonly serverCpuSeconds: number;
}

/** How a probe tells the sender of a relayed update from its frame (the world decodes it; the bare relay writes the sender's index in the clear). */
export type SenderOf = (client: RawClient, frame: { opcode: number; payload: Buffer }) => number | undefined;

/** Options of {@link moveLoop}. */
export interface MoveLoopOptions {
  readonly clients: readonly RawClient[];
  /** Client i's requests, sent in turn (e.g. two positions to walk between). */
  readonly requests: readonly (readonly Buffer[])[];
  /** Payload size of a relayed update. */
  readonly updateSize: number;
  readonly senderOf: SenderOf;
  readonly intervalMs: number;
  readonly seconds: number;
  /** How many clients (the first ones) time deliveries. */
  readonly probes: number;
  readonly serverPid?: number;
}

/** Untimed lead-in before the window: every client has sent a few times. */
const WARM_UP_MS = 1000;
/** Longest wait after the window for the probes' last updates. */
const DRAIN_CAP_MS = 30_000;
/** No update for this long (and the probes complete): the relay is done. */
const QUIET_MS = 250;

/** Runs the movement loop; see the file comment. */
export async function moveLoop(o: MoveLoopOptions): Promise<MoveLoopResult> {
  const n = o.clients.length;
  const probes = Math.min(o.probes, n);
  let timing = false;
  let counting = false;
  let sent = 0;
  let relayed = 0;
  let toQuiet = 0;
  let lastArrival = 0;
  // sendTimes[s][k]: when sender s sent its k-th command since the loop started.
  const sendTimes: number[][] = Array.from({ length: n }, () => []);
  const timedFrom = new Int32Array(n).fill(-1);
  // received[p][s]: updates of sender s probe p has had.
  const received = Array.from({ length: probes }, () => new Int32Array(n));
  const samples: number[] = [];
  const turn = new Int32Array(n);
  o.clients.forEach((client, i) => {
    client.onFrame = (size) => {
      if (size !== o.updateSize) return;
      if (timing) relayed += 1;
      if (counting) {
        toQuiet += 1;
        lastArrival = performance.now();
      }
    };
    if (i < probes) {
      client.onFrameBytes = (frame) => {
        if (frame.payload.length !== o.updateSize) return;
        const sender = o.senderOf(client, frame);
        if (sender === undefined || sender < 0 || sender >= n) return;
        const k = (received[i] as Int32Array)[sender]!++;
        const at = sendTimes[sender]?.[k];
        // Only sends of the timed window are timed (the warm-up's queue is not the relay's latency).
        if (at !== undefined && k >= (timedFrom[sender] as number) && (timedFrom[sender] as number) >= 0) samples.push(performance.now() - at);
      };
    }
  });
  let stopped = false;
  const timers: NodeJS.Timeout[] = [];
  const send = (i: number) => {
    const client = o.clients[i] as RawClient;
    if (stopped || client.closed) return;
    const own = o.requests[i] ?? [];
    const request = own[(turn[i] as number)++ % own.length];
    if (!request) return;
    if (timing) {
      sent += 1;
      if ((timedFrom[i] as number) < 0) timedFrom[i] = (sendTimes[i] as number[]).length;
    }
    (sendTimes[i] as number[]).push(performance.now());
    client.socket.write(request);
  };
  // Senders start spread over one interval, as real clients would be.
  for (let i = 0; i < n; i++) {
    timers.push(
      setTimeout(
        () => {
          send(i);
          timers.push(setInterval(() => send(i), o.intervalMs));
        },
        (i * o.intervalMs) / n,
      ),
    );
  }
  await sleep(WARM_UP_MS);
  const cpuBefore = o.serverPid === undefined ? Number.NaN : cpuSeconds(o.serverPid);
  timing = true;
  counting = true;
  const started = performance.now();
  await sleep(o.seconds * 1000);
  const elapsed = (performance.now() - started) / 1000;
  // The window ends for sends; the updates of its last sends may still arrive and be timed.
  const sentInWindow = sent;
  const lastIndex = sendTimes.map((times) => times.length);
  stopped = true;
  for (const timer of timers) clearTimeout(timer);
  const serverCpuSeconds = o.serverPid === undefined ? Number.NaN : cpuSeconds(o.serverPid) - cpuBefore;
  timing = false;
  const relayedInWindow = relayed;
  const missing = () => {
    let left = 0;
    for (let p = 0; p < probes; p++) {
      for (let s = 0; s < n; s++) {
        if (s === p || o.clients[s]?.closed) continue;
        left += Math.max(0, (lastIndex[s] as number) - (received[p] as Int32Array)[s]!);
      }
    }
    return left;
  };
  // Quiet: the probes have every update and nobody got one for a while.
  let last = -1;
  for (let waited = 0; waited < DRAIN_CAP_MS && (missing() > 0 || toQuiet !== last); waited += QUIET_MS) {
    last = toQuiet;
    await sleep(QUIET_MS);
  }
  counting = false;
  const cpuToQuiet = o.serverPid === undefined ? Number.NaN : cpuSeconds(o.serverPid) - cpuBefore;
  const undelivered = missing();
  // Let the relay settle before the next loop, then go back to the closed-loop hooks.
  await sleep(500);
  for (const client of o.clients) {
    client.onFrame = undefined;
    client.onFrameBytes = undefined;
  }
  return {
    sent: sentInWindow,
    relayed: relayedInWindow,
    seconds: elapsed,
    relayedToQuiet: toQuiet,
    cpuToQuiet,
    secondsToLast: Math.max(elapsed, (lastArrival - started) / 1000),
    offered: sentInWindow * (n - 1),
    samples: samples.length,
    undelivered,
    disconnected: o.clients.filter((c) => c.closed).length,
    serverCpuSeconds,
    ...(samples.length > 0 ? latencyOf(samples) : { p50: Number.NaN, p99: Number.NaN }),
  };
}
