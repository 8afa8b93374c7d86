import { parseArgs } from "node:util";

/** The figures the bench can measure, in the order it measures them. */
export const FIGURES = ["data", "codec", "journal", "memory", "login", "chat", "db", "purchase", "store", "zone", "move"] as const;

/** One of {@link FIGURES}. */
export type Figure = (typeof FIGURES)[number];

/** The benchmark's command line, validated. */
export interface BenchArgs {
  /** Seconds of each timed run (each figure and each limit, every round). */
  readonly seconds: number;
  /** Rounds of each figure and its limit, alternated; the table shows min, median and max. */
  readonly rounds: number;
  /** Clients in the chat and database round trips (and the login storm). */
  readonly clients: number;
  /** Players chatting in one zone (and moving, in the movement relay). */
  readonly zone: number;
  /** Concurrent buyers of the purchase and store figures (and pgbench clients). */
  readonly buyers: number;
  /** Idle sessions held open for the memory figure. */
  readonly idle: number;
  /** Size of the synthetic game data set; 1 is about 17.6 MB. */
  readonly dataScale: number;
  /** Which figures to measure. */
  readonly only: readonly Figure[];
  /** Print one JSON document instead of the table. */
  readonly json: boolean;
  readonly quick: boolean;
  /**
   * A directory for the CPU profiles (`node --cpu-prof`) of the world server and the baseline
   * servers, written when they stop; the bench then prints where their time went in each window.
   */
  readonly profile: string | undefined;
  /**
   * The world server's database connections (BEZGELOR_DB_POOL_SIZE); undefined keeps the server's
   * default. The plain-pg limits of the database round trip use as many.
   */
  readonly pool: number | undefined;
  /**
   * Microseconds of busy work the chat figure's echo server does per request before it answers
   * (`--echo-work`): how an echo that computes as much as a server scores against the plain one
   * is measured in the same run. Undefined: the plain echo only.
   */
  readonly echoWork: number | undefined;
}

export const USAGE = `usage: pnpm bench [--quick] [--json] [--seconds 3] [--rounds 3] [--clients 1000] [--zone 500] [--buyers 32]
                  [--idle 10000] [--data-scale 1] [--only ${FIGURES.join(",")}]
                  [--profile DIR] [--pool N] [--echo-work MICROSECONDS]
  Runs on the embedded database, or on PostgreSQL when DATABASE_URL is set.`;

/** Defaults of a full run and of `--quick` (a smoke run of well under a minute of timed work). */
export const DEFAULTS = {
  full: { seconds: 3, rounds: 3, clients: 1000, zone: 500, buyers: 32, idle: 10_000, dataScale: 1 },
  quick: { seconds: 1, rounds: 2, clients: 200, zone: 100, buyers: 32, idle: 1000, dataScale: 1 },
} as const;

function positive(name: string, raw: string | undefined, fallback: number, integer: boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0 || (integer && !Number.isInteger(value))) {
    throw new Error(`--${name} must be a positive ${integer ? "integer" : "number"}, got "${raw}"`);
  }
  return value;
}

function figures(raw: string | undefined): Figure[] {
  if (raw === undefined) return [...FIGURES];
  const names = raw.split(",").map((s) => s.trim());
  for (const name of names) {
    if (!(FIGURES as readonly string[]).includes(name)) throw new Error(`--only: unknown figure "${name}" (one of ${FIGURES.join(", ")})`);
  }
  return FIGURES.filter((f) => names.includes(f));
}

/**
 * Parses the flags (a leading `--` that pnpm may pass along is ignored).
 * @throws Error on an unknown flag, a value that is not a positive number, or an unknown figure.
 */
export function parseBenchArgs(argv: readonly string[]): BenchArgs {
  const { values } = parseArgs({
    args: argv[0] === "--" ? argv.slice(1) : [...argv],
    options: {
      seconds: { type: "string" },
      rounds: { type: "string" },
      clients: { type: "string" },
      zone: { type: "string" },
      buyers: { type: "string" },
      idle: { type: "string" },
      "data-scale": { type: "string" },
      only: { type: "string" },
      json: { type: "boolean", default: false },
      quick: { type: "boolean", default: false },
      profile: { type: "string" },
      pool: { type: "string" },
      "echo-work": { type: "string" },
    },
    strict: true,
    allowPositionals: false,
  });
  const quick = values.quick ?? false;
  const d = quick ? DEFAULTS.quick : DEFAULTS.full;
  return {
    seconds: positive("seconds", values.seconds, d.seconds, false),
    rounds: positive("rounds", values.rounds, d.rounds, true),
    clients: positive("clients", values.clients, d.clients, true),
    zone: positive("zone", values.zone, d.zone, true),
    buyers: positive("buyers", values.buyers, d.buyers, true),
    idle: positive("idle", values.idle, d.idle, true),
    dataScale: positive("data-scale", values["data-scale"], d.dataScale, false),
    only: figures(values.only),
    json: values.json ?? false,
    quick,
    profile: values.profile,
    pool: values.pool === undefined ? undefined : positive("pool", values.pool, 0, true),
    echoWork: values["echo-work"] === undefined ? undefined : positive("echo-work", values["echo-work"], 0, false),
  };
}
