// The figures that need no server: the codec against hand-written code, and the game data load
// against JSON.parse of the same files. Both run in the load process, alternated and repeated.
import type { BenchCodecResult } from "@bezgelor/protocol";
import type { BenchArgs } from "./args";
import { writeSyntheticDataSet } from "./data-set";
import { ratioSpread, type Row } from "./report";
import type { Helper } from "./rpc";
import { spread } from "./stats";

/**
 * Codec (framing + PacketCrypt + bit stream) vs hand-written Buffer code on the same bytes: one chat
 * line (the issue's figure, with the goal) and the world packet mix, alternated round by round.
 */
export async function codecFigure(args: BenchArgs, load: Helper, rows: Row[], progress: (line: string) => void): Promise<void> {
  const runs = { chat: [] as BenchCodecResult[], mix: [] as BenchCodecResult[] };
  // Untimed: the JIT optimises both paths before the first round counts.
  for (const packets of ["chat", "mix"] as const) await load.call("codec", { seconds: 0.5, packets });
  for (let round = 0; round < args.rounds; round++) {
    for (const packets of ["chat", "mix"] as const) {
      const run = await load.call<BenchCodecResult>("codec", { seconds: args.seconds / 2, packets });
      progress(
        `codec ${packets} round ${round + 1}/${args.rounds}: ${Math.round(run.codecPacketsPerSecond)} vs ${Math.round(run.bufferPacketsPerSecond)} packets/s`,
      );
      runs[packets].push(run);
    }
  }
  const row = (list: BenchCodecResult[], label: string, withGoal: boolean): Row => ({
    figure: `codec: encode + encrypt + decode, ${label} (${(list[0]?.bytesPerPacket ?? 0).toFixed(0)} B/packet)`,
    value: { unit: "packets/s", spread: spread(list.map((r) => r.codecPacketsPerSecond)) },
    limit: { name: "hand-written Buffer code", unit: "packets/s", spread: spread(list.map((r) => r.bufferPacketsPerSecond)) },
    ratio: spread(list.map((r) => r.ratio)),
    ...(withGoal ? { goal: { op: ">=", value: 0.33 } as const } : {}),
  });
  rows.push(row(runs.chat, "a chat line", true), row(runs.mix, `world mix of ${runs.mix[0]?.mixSize ?? 0} packets`, false));
}

/** loadGameData (read, validate, index, cross-check) of a synthetic set vs reading and JSON.parse of its files. */
export async function dataFigure(args: BenchArgs, load: Helper, temp: string, rows: Row[], progress: (line: string) => void): Promise<void> {
  const set = await writeSyntheticDataSet(args.dataScale, temp);
  const mb = set.bytes / 1e6;
  progress(`data load: ${mb.toFixed(1)} MB synthetic set …`);
  const loads: number[] = [];
  const parses: number[] = [];
  // One untimed round of each first: the first load also compiles the schemas.
  await load.call("data-parse", { dir: set.dir, files: set.files });
  await load.call("data-load", { dir: set.dir });
  // A round takes well under a second, yet one round's ratio ranges 1.3 to 3.2 within a run (which
  // of the two pays for the garbage the other left, the machine's other work): seven at least, so
  // the median is a figure rather than a draw.
  const rounds = Math.max(args.rounds, 7);
  for (let round = 0; round < rounds; round++) {
    parses.push(await load.call<number>("data-parse", { dir: set.dir, files: set.files }));
    loads.push(await load.call<number>("data-load", { dir: set.dir }));
    progress(`  data round ${round + 1}/${rounds}: load ${loads.at(-1)?.toFixed(0)} ms, JSON.parse ${parses.at(-1)?.toFixed(0)} ms`);
  }
  rows.push({
    figure: `game data load, ${mb.toFixed(1)} MB synthetic set (read + validate + index)`,
    value: { unit: "ms", spread: spread(loads) },
    limit: { name: "read + JSON.parse", unit: "ms", spread: spread(parses) },
    ratio: ratioSpread(loads, parses),
    goal: { op: "<=", value: 2 },
  });
}
