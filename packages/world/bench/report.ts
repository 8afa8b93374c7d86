import type { BenchCodecResult } from "@bezgelor/protocol";
import type { LoginStormResult } from "./login-storm";

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (n: number) => `${n.toFixed(1)} ms`;

/** The compact table printed at the end of a run, one row per figure. */
export function formatReport(codec: BenchCodecResult, storm: LoginStormResult, codecSeconds: number): string {
  const rows: [string, string][] = [
    [`codec (mix of ${codec.mixSize}, ${codec.bytesPerPacket.toFixed(1)} B/packet, ${codecSeconds} s each)`, ""],
    ["  framing + PacketCrypt + bit stream, encode+decode", `${int(codec.codecPacketsPerSecond)} packets/s`],
    ["  plain Buffer reads of the same bytes", `${int(codec.bufferPacketsPerSecond)} packets/s`],
    ["  ratio codec / Buffer", codec.ratio.toFixed(4)],
    [`login storm (${storm.database}, ${storm.clients} clients, concurrency ${storm.concurrency})`, ""],
    ["  setup of accounts, characters, keys (untimed)", `${storm.setupSeconds.toFixed(2)} s`],
    ["  wall time connect → login → enterWorld", `${storm.wallSeconds.toFixed(3)} s`],
    ["  logins/s", storm.loginsPerSecond.toFixed(1)],
    ["  latency per login p50 / p95 / max", `${ms(storm.latencyMs.p50)} / ${ms(storm.latencyMs.p95)} / ${ms(storm.latencyMs.max)}`],
    ["  memory per connected session, heap / RSS", `${storm.memoryPerSessionKiB.heap.toFixed(1)} KiB / ${storm.memoryPerSessionKiB.rss.toFixed(1)} KiB`],
    ["  failed logins", storm.failures === 0 ? "0" : `${storm.failures} (first: ${storm.firstError ?? "?"})`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => (value ? `${label.padEnd(width)}  ${value}` : label)).join("\n");
}
