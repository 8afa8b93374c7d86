// Standalone run of the codec benchmark (codec vs hand-written Buffer code): `pnpm --filter @bezgelor/protocol bench [seconds]`.
// The world package's `pnpm bench` calls the same `benchCodec` through the package's public API.
import { benchCodec } from "../src/index";

const seconds = Number(process.argv[2] ?? "2");
const result = benchCodec({ seconds });
const rate = (n: number) => `${Math.round(n).toLocaleString("en-US")} packets/s`;
console.log(`codec mix of ${result.mixSize} packets, ${result.bytesPerPacket.toFixed(1)} bytes each on average`);
console.log(`  framing + PacketCrypt + bit stream, encode and decode: ${rate(result.codecPacketsPerSecond)}`);
console.log(`  hand-written Buffer code, same bytes and XOR stream:   ${rate(result.bufferPacketsPerSecond)}`);
console.log(`  ratio: ${result.ratio.toFixed(3)}`);
