import type { Logger } from "pino";
import type { AccountRole, Database, GameRules } from "@bezgelor/db";
import type { WorldConfig } from "../config/schema";

/** Exit codes scripts can rely on. */
export const EXIT_CODES = {
  OK: 0,
  FAILURE: 1,
  USAGE: 2,
  NOT_FOUND: 3,
  CONFLICT: 4,
  UNAVAILABLE: 5,
  REFUSED: 6,
} as const;

export type ExitCode = (typeof EXIT_CODES)[keyof typeof EXIT_CODES];

export interface OptionSpec {
  type: "string" | "boolean";
  description: string;
  required?: boolean;
  default?: string;
  /** The option may be given several times; its value is then a string[]. */
  multiple?: boolean;
  /**
   * The environment variable this option overrides: its value goes through the same config
   * validation, so `--port abc` is refused exactly like `BEZGELOR_PORT=abc`.
   */
  env?: string;
}

export type OptionValues = Record<string, string | boolean | string[] | undefined>;

/** What a command gets to do its work: config, a logger on stderr, output and the database on demand. */
export interface CommandContext {
  config: WorldConfig;
  logger: Logger;
  json: boolean;
  /** Prints data: as JSON with --json, else through `human`. */
  print(data: unknown, human: (data: never) => string): void;
  /** Progress for long work, on stderr, silent with --json. */
  progress(message: string): void;
  /** A line the operator must see even with --json (e.g. a generated idempotency key), on stderr. */
  notice(message: string): void;
  /** Opens the configured database once per command (migrating it unless told not to). */
  openDatabase(options?: { migrate?: boolean; share?: boolean }): Promise<Database>;
  /** The configured game data and reputation scale, loaded once, for actions. */
  loadRules(): Promise<GameRules>;
}

/** One CLI subcommand. `path` is the words that select it, e.g. ["account", "create"]. */
export interface Command {
  path: readonly string[];
  summary: string;
  /**
   * The least role this command's work needs, by the same ranking as GM chat commands
   * (`roleAllows` in permissions.ts): `admin` for economy and account administration and for
   * running the server, `gm` for reads of another player's state. The CLI itself is run by an
   * operator who holds the database, trusted as admin, so the CLI does not check it; it is shown in
   * `--help` and is the role a chat command mirroring this command must declare.
   */
  role: AccountRole;
  options: Record<string, OptionSpec>;
  /** Lines `--help` prints after the options, e.g. what each value of an option means. */
  notes?: readonly string[];
  /** Prints data, so it takes --json. */
  printsData: boolean;
  run(ctx: CommandContext, options: OptionValues): Promise<ExitCode | void>;
}

/** Declares a command with its option types checked. */
export function defineCommand(command: Command): Command {
  return command;
}

/** Reads a repeatable string option (empty when not given). */
export function strs(options: OptionValues, name: string): string[] {
  const value = options[name];
  return Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
}

/** Reads a required string option that the parser already checked is present. */
export function str(options: OptionValues, name: string): string {
  const value = options[name];
  return typeof value === "string" ? value : "";
}
