import { parseArgs } from "node:util";

/** The benchmark's command line, validated. */
export interface BenchArgs {
  /** Seconds spent on each of the codec's two measurements. */
  readonly seconds: number;
  /** Headless clients in the login storm. */
  readonly clients: number;
  /** Logins in flight at once, at most `clients`. */
  readonly concurrency: number;
  /** Print the results as one JSON document instead of the table. */
  readonly json: boolean;
}

export const USAGE = "usage: pnpm bench [--seconds 3] [--clients 200] [--concurrency <clients>] [--json]";

function positive(name: string, raw: string | undefined, fallback: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a positive ${integer ? "integer" : "number"}, got "${raw}"`);
  }
  return value;
}

/**
 * Parses the flags (a leading `--` that pnpm may pass along is ignored).
 * @throws Error on an unknown flag or a value that is not a positive number.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv[0] === "--" ? argv.slice(1) : [...argv],
    options: {
      seconds: { type: "string" },
      clients: { type: "string" },
      concurrency: { type: "string" },
      json: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const clients = positive("clients", values.clients, 200, true);
  const concurrency = Math.min(clients, positive("concurrency", values.concurrency, clients, true));
  return { seconds: positive("seconds", values.seconds, 3, false), clients, concurrency, json: values.json ?? false };
}
