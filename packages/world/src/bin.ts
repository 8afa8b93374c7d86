#!/usr/bin/env node
import { runCli } from "./cli/main";

const code = await runCli(process.argv.slice(2));
// `serve` and `bot` resolve only when they are done; everything else exits with its code.
process.exitCode = code;
