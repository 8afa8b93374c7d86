// `pnpm bench [--seconds 3] [--clients 200] [--concurrency N] [--json]`: the codec benchmark and a
// login storm against an in-process world server on 127.0.0.1, in one bounded run that writes no files.
import { cpus } from "node:os";
import { benchCodec } from "@bezgelor/protocol";
import { parseBenchArgs, USAGE } from "./args";
import { benchLoginStorm } from "./login-storm";
import { formatReport } from "./report";

async function main(): Promise<void> {
  let args;
  try {
    args = parseBenchArgs(process.argv.slice(2));
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
    process.exitCode = 2;
    return;
  }
  const progress = (line: string) => {
    if (!args.json) console.log(line);
  };

  progress(`codec: ${args.seconds} s per measurement …`);
  const codec = benchCodec({ seconds: args.seconds });
  progress(`login storm: ${args.clients} clients, concurrency ${args.concurrency} …`);
  const storm = await benchLoginStorm({ clients: args.clients, concurrency: args.concurrency });

  if (args.json) {
    const env = { node: process.version, cpu: cpus()[0]?.model ?? "unknown", cpus: cpus().length };
    console.log(JSON.stringify({ env, codec: { seconds: args.seconds, ...codec }, loginStorm: storm }, null, 2));
  } else {
    console.log(`\n${formatReport(codec, storm, args.seconds)}`);
  }
  if (storm.failures > 0) process.exitCode = 1;
}

await main();
