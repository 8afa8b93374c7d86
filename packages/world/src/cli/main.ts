import { selectReputationScale } from "@bezgelor/data";
import { dbDirError } from "../config/db-dir-error";
import { loadConfiguredGameData } from "../config/game-data";
import { parseArgs } from "node:util";
import { DbError, openDatabase, type Database, type OpenDatabaseOptions } from "@bezgelor/db";
import { loadConfig, unknownEnvVars } from "../config/load";
import { createLogger } from "../logging";
import { WorldError } from "../errors";
import { EXIT_CODES, type Command, type CommandContext, type ExitCode, type OptionValues } from "./command";
import { COMMANDS } from "./commands/index";
import { pipeWriter } from "./closed-pipe";
import { toJson } from "./json";
import { describeError, errorCode, exitCodeFor } from "./failures";
import { humanLogLine } from "./log-line";

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  /** Test seam: how the database is opened (default `openDatabase` from @bezgelor/db). */
  openDatabase?: (options: OpenDatabaseOptions) => Promise<Database>;
}

/** The process's own streams; a reader that goes away early silences them (see `pipeWriter`). */
function processIo(): CliIo {
  return { stdout: pipeWriter(process.stdout), stderr: pipeWriter(process.stderr), env: process.env };
}

/** The command whose path is the longest prefix of argv; the rest of argv is its options. */
function findCommand(argv: string[]): { command: Command; rest: string[] } | undefined {
  let best: Command | undefined;
  for (const command of COMMANDS) {
    const n = command.path.length;
    if (command.path.every((w, i) => argv[i] === w) && (!best || n > best.path.length)) best = command;
  }
  return best && { command: best, rest: argv.slice(best.path.length) };
}

/**
 * `--amount -5` as `--amount=-5`: node's parser takes a value starting with "-" for an option and
 * refuses it as ambiguous, so a negative number reaches the option's own check, which says what
 * is wrong in one line, instead of the parser's help.
 */
function withNegativeValues(command: Command, args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const next = args[i + 1];
    const name = arg.startsWith("--") ? arg.slice(2) : undefined;
    if (name !== undefined && command.options[name]?.type === "string" && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

function commandHelp(command: Command): string {
  const lines = [
    `bezgelor ${command.path.join(" ")}: ${command.summary}`,
    `Role: ${command.role} (the operator running the CLI is trusted as admin)`,
    "",
    "Options:",
  ];
  const opts = { ...command.options };
  for (const [name, spec] of Object.entries(opts)) {
    const arg = spec.type === "string" ? ` <${name}>` : "";
    const tail = (spec.required ? " (required)" : spec.default !== undefined ? ` (default ${spec.default})` : "") + (spec.multiple ? " (repeatable)" : "");
    // At least two spaces between an option and its description, however long the option.
    lines.push(`  --${name}${arg}  `.padEnd(28) + spec.description + tail);
  }
  if (command.printsData) lines.push("  --json".padEnd(28) + "print the result as JSON");
  lines.push("  --help".padEnd(28) + "show this help");
  if (command.notes) lines.push("", ...command.notes);
  return lines.join("\n") + "\n";
}

/** The top-level help: every command with its summary. */
export function rootHelp(): string {
  const lines = ["Usage: bezgelor <command> [options]", "", "Commands:"];
  for (const c of COMMANDS) lines.push(`  ${c.path.join(" ")}  `.padEnd(24) + c.summary);
  lines.push("", "Run `bezgelor <command> --help` for a command's options.");
  lines.push("Exit codes: 0 ok, 1 failure (or a failed ledger audit), 2 usage or invalid input, 3 not found, 4 conflict (taken, idempotency key reused),");
  lines.push("5 unavailable or outcome unknown (retry with the printed command), 6 refused.");
  return lines.join("\n") + "\n";
}

/**
 * A usage error: `error: <message> [USAGE]` and, when given, the help to read; with `--json` one
 * JSON line `{"error":{"code":"USAGE","message":...}}` and no help. Returns exit code 2.
 */
function usageError(io: CliIo, json: boolean, message: string, help?: string): ExitCode {
  io.stderr(json ? errorJson("USAGE", message) : `error: ${message} [USAGE]\n${help === undefined ? "" : `\n${help}`}`);
  return EXIT_CODES.USAGE;
}

/** The JSON error line of `--json` (one line: with notices before it, stderr reads as JSON lines). */
function errorJson(code: string, message: string, details?: Readonly<Record<string, unknown>>): string {
  const error = { code, message, ...(details && Object.keys(details).length > 0 ? { details } : {}) };
  return `${toJson({ error }, 0)}\n`;
}

/** The options given more than once that take one value: the last would silently win (`--amount 5 --amount 500`). */
function repeatedOptions(command: Command, tokens: ReturnType<typeof parseArgs>["tokens"] = []): string[] {
  const seen = new Map<string, number>();
  for (const token of tokens) if (token.kind === "option") seen.set(token.name, (seen.get(token.name) ?? 0) + 1);
  return [...seen].filter(([name, count]) => count > 1 && command.options[name]?.multiple !== true).map(([name]) => name);
}

/** Runs the CLI with the given words (without `node bin`), returning the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo()): Promise<ExitCode> {
  const words = argv.filter((a) => !a.startsWith("-"));
  // Known before the options are parsed, so that a usage error is JSON too.
  const json = argv.includes("--json");
  const found = findCommand(argv);
  if (!found) {
    // Asked for (`--help`, `help`): the help on stdout, exit 0. No command, or an unknown one: a
    // usage error (exit 2), so a script that lost its command word does not pass for a success.
    const wantsHelp = argv.includes("--help") || argv.includes("-h") || words[0] === "help";
    if (wantsHelp) {
      io.stdout(rootHelp());
      return EXIT_CODES.OK;
    }
    // The words before the first option: its values are not part of the command's name.
    const first = argv.findIndex((a) => a.startsWith("-"));
    const named = (first === -1 ? argv : argv.slice(0, first)).join(" ");
    return usageError(io, json, argv.length === 0 ? "no command given" : `unknown command: ${named || "(none)"}`, rootHelp());
  }
  const { command, rest } = found;
  const args = withNegativeValues(command, rest);
  const help = commandHelp(command);
  let values: OptionValues;
  let tokens: ReturnType<typeof parseArgs>["tokens"];
  try {
    const parsed = parseArgs({
      args,
      allowPositionals: false,
      strict: true,
      tokens: true,
      options: {
        ...Object.fromEntries(Object.entries(command.options).map(([k, v]) => [k, { type: v.type, multiple: v.multiple === true }])),
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    values = parsed.values;
    tokens = parsed.tokens;
  } catch (err) {
    return usageError(io, json, (err as Error).message, help);
  }
  if (values.help) {
    io.stdout(help);
    return EXIT_CODES.OK;
  }
  const repeated = repeatedOptions(command, tokens);
  if (repeated.length > 0) return usageError(io, json, `${repeated.map((name) => `--${name}`).join(", ")} given more than once: give each once`);
  for (const [name, spec] of Object.entries(command.options)) {
    if (values[name] === undefined && spec.default !== undefined) values[name] = spec.type === "boolean" ? spec.default === "true" : spec.default;
    if (!spec.required) continue;
    if (values[name] === undefined) return usageError(io, json, `missing required option --${name}`, help);
    // Given but empty (`--subject ''`) is not missing: one line, as for blank text (`'   '`).
    if (values[name] === "") return usageError(io, json, `--${name} must not be empty`);
  }
  return execute(command, values, io);
}

/** The environment with the options that override a variable (`--port` for BEZGELOR_PORT) applied. */
function withOptionOverrides(command: Command, values: OptionValues, env: CliIo["env"]): CliIo["env"] {
  const overrides = Object.entries(command.options).flatMap(([name, spec]) => {
    const value = values[name];
    return spec.env && typeof value === "string" ? [[spec.env, value] as const] : [];
  });
  return { ...env, ...Object.fromEntries(overrides) };
}

async function execute(command: Command, values: OptionValues, io: CliIo): Promise<ExitCode> {
  const json = values.json === true;
  let database: Database | undefined;
  try {
    const serving = command.path[0] === "serve";
    const env = withOptionOverrides(command, values, io.env);
    const config = loadConfig(env);
    // CLI commands keep stdout for their data; logs go to the command's stderr, quieter by default.
    const logger = createLogger({
      level: serving || io.env.BEZGELOR_LOG_LEVEL ? config.logLevel : "warn",
      // An explicit BEZGELOR_LOG_LEVEL or --json keeps pino's JSON lines; otherwise the few
      // warnings a command logs read as its other messages do (one line each).
      destination: serving ? 1 : json || io.env.BEZGELOR_LOG_LEVEL ? { write: io.stderr } : { write: (line: string) => io.stderr(humanLogLine(line)) },
    }).child({ command: command.path.join(" ") });
    for (const variable of unknownEnvVars(io.env)) logger.warn({ variable }, `${variable} is not a setting (misspelled?); ignored`);
    const ctx: CommandContext = {
      config,
      logger,
      json,
      print: (data, human) => io.stdout((json ? toJson(data) : human(data as never)) + "\n"),
      progress: (message) => {
        if (!json) io.stderr(`${message}\n`);
      },
      // With --json, stderr is JSON lines: each notice one, then the error, if any.
      notice: (message) => io.stderr(json ? `${JSON.stringify({ notice: message })}\n` : `${message}\n`),
      loadRules: async () => {
        const data = await loadConfiguredGameData(config);
        return { data, scale: selectReputationScale(data, config.reputationScale) };
      },
      openDatabase: async (options = {}) => {
        // Another command holding the embedded directory is waited for (db.lockWaitSeconds); say so
        // as the command's other warnings are said (`warning: ...`, or pino's JSON with --json).
        const onLockWait = (message: string) => logger.warn(message);
        database ??= await (io.openDatabase ?? openDatabase)({ config: config.db, logger, onLockWait, ...options }).catch((error: unknown) => {
          throw dbDirError(error, env);
        });
        return database;
      },
    };
    return (await command.run(ctx, values)) ?? EXIT_CODES.OK;
  } catch (err) {
    // A refusal's details are the caller's to read (the version an edit conflicts with, a page count).
    const details = err instanceof WorldError || err instanceof DbError ? err.details : undefined;
    io.stderr(json ? errorJson(errorCode(err), describeError(err, { withCode: false }), details) : `error: ${describeError(err)}\n`);
    return exitCodeFor(err);
  } finally {
    await database?.close();
  }
}
