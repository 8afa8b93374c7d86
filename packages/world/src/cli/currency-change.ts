// The one code path of every CLI balance change (`currency grant|deduct`, `gold grant`): resolve
// the owner, make sure the request carries an idempotency key (generated and shown before the
// change is sent when none was given), call the action, and turn a broken conversation into
// OUTCOME_UNKNOWN with the command that retries safely.
import { randomUUID } from "node:crypto";
import os from "node:os";
import { CURRENCY, MAX_MONEY, type Currency } from "@bezgelor/data";
import { deductCurrency, getAccountByEmail, getCharacterByName, grantCurrency, DbError, type Actor, type DbClient } from "@bezgelor/db";
import { WorldError } from "../errors";
import type { CommandContext, OptionValues } from "./command";
import { parseIdempotencyKey, parseReason } from "./text-option";
import { sendWithKey, shellWord } from "./unknown-outcome";
import { parseWholeBigint } from "./whole-number";

/** What the operator asked for, as parsed from the options. */
export interface CurrencyChangeRequest {
  direction: "grant" | "deduct";
  currency: Currency;
  /** The account's login email; optional when a character is named (gold grant). */
  email?: string | undefined;
  character?: string | undefined;
  amount: bigint;
  reason: string;
  /** The --key given, if any. */
  key?: string | undefined;
  /** The command's words and options, to print a safe retry. */
  command: { path: readonly string[]; options: OptionValues };
}

/** What a change printed: the ledger entry and whether it was a replay. */
export interface CurrencyChangeView {
  direction: "grant" | "deduct";
  currency: Currency;
  accountId: number;
  email: string | null;
  characterId: number | null;
  character: string | null;
  delta: bigint;
  balanceBefore: bigint;
  balance: bigint;
  ledgerEntryId: bigint;
  idempotencyKey: string;
  /** True when this key's change had been made before: nothing changed now. */
  replayed: boolean;
}

/** The operator as the ledger records them: "admin:cli:<os user>". */
export function cliActor(env: Readonly<Record<string, string | undefined>> = process.env): Actor {
  let user: string | undefined;
  try {
    user = os.userInfo().username;
  } catch {
    user = env.USER ?? env.LOGNAME;
  }
  return { kind: "admin", name: `cli:${(user ?? "unknown").slice(0, 60) || "unknown"}` };
}

/** Parses --currency; USAGE unless gold, premium or bonus. */
export function parseCurrency(value: string): Currency {
  const currency = CURRENCY.find((c) => c === value);
  if (!currency) throw new WorldError("USAGE", `--currency must be one of ${CURRENCY.join(", ")}, got ${value}`);
  return currency;
}

/** Parses --amount: a whole amount from 1 to MAX_MONEY, the range the balance actions take. Throws WorldError USAGE. */
export function parseAmount(value: string): bigint {
  return parseWholeBigint("amount", value, 1n, MAX_MONEY);
}

/** The command line that repeats `command` with `key`: retrying it never applies the change twice. */
export function retryCommand(command: CurrencyChangeRequest["command"], key: string): string {
  const words = ["bezgelor", ...command.path];
  const options: OptionValues = { ...command.options, key };
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || value === false || name === "help") continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      words.push(`--${name}`);
      if (one !== true) words.push(shellWord(one));
    }
  }
  return words.join(" ");
}

/** The character named `name`, if it belongs to `account`; DbError CHARACTER_NOT_FOUND otherwise. */
export async function characterOf(client: DbClient, account: { id: number; email: string }, name: string) {
  const character = await getCharacterByName(client, { name });
  if (character.accountId !== account.id) {
    throw new DbError("CHARACTER_NOT_FOUND", `${account.email} has no character named ${name}`, { details: { name } });
  }
  return character;
}

async function resolveOwner(client: DbClient, request: CurrencyChangeRequest) {
  const gold = request.currency === "gold";
  if (gold && !request.character) throw new WorldError("USAGE", "gold belongs to a character: give --character");
  if (!gold && request.character) throw new WorldError("USAGE", `${request.currency} belongs to the account: drop --character`);
  const account = request.email === undefined ? undefined : await getAccountByEmail(client, { email: request.email });
  const name = request.character;
  const character = name === undefined ? undefined : account ? await characterOf(client, account, name) : await getCharacterByName(client, { name });
  const accountId = account?.id ?? character?.accountId;
  if (accountId === undefined) throw new WorldError("USAGE", "give --email (and --character for gold)");
  return { accountId, email: account?.email ?? null, character };
}

/**
 * Applies the change through grantCurrency/deductCurrency with source "admin" and the CLI actor.
 * Throws DbError refusals as they are (nothing changed), WorldError USAGE (a bad reason or key, checked before the database is opened), and WorldError
 * OUTCOME_UNKNOWN (details: key, retry) when the request was sent and the answer was lost.
 */
export async function changeCurrencyFromCli(ctx: CommandContext, request: CurrencyChangeRequest): Promise<CurrencyChangeView> {
  parseReason(request.reason);
  const given = request.key === undefined ? undefined : parseIdempotencyKey(request.key);
  const { client } = await ctx.openDatabase();
  const owner = await resolveOwner(client, request);
  const key = given ?? `cli-${randomUUID()}`;
  const action = request.direction === "grant" ? grantCurrency : deductCurrency;
  const change = { what: request.direction, key, generated: request.key === undefined, retry: retryCommand(request.command, key) };
  const { result, replayed } = await sendWithKey(ctx, change, async () =>
    action(client, {
      rules: await ctx.loadRules(),
      actor: cliActor(),
      idempotencyKey: key,
      currency: request.currency,
      ...(owner.character ? { characterId: owner.character.id } : { accountId: owner.accountId }),
      amount: request.amount,
      reason: request.reason,
      source: "admin",
    }),
  );
  return {
    direction: request.direction,
    currency: request.currency,
    accountId: result.accountId,
    email: owner.email,
    characterId: result.characterId,
    character: owner.character?.name ?? null,
    delta: result.delta,
    balanceBefore: result.balanceBefore,
    balance: result.balanceAfter,
    ledgerEntryId: result.ledgerEntryId,
    idempotencyKey: key,
    replayed,
  };
}

/** One line for a person. */
export function describeChange(v: CurrencyChangeView): string {
  const who = v.character ?? v.email ?? `account ${v.accountId}`;
  const sign = v.delta > 0n ? "+" : "";
  const line = `${who}: ${sign}${v.delta} ${v.currency}, balance ${v.balanceBefore} -> ${v.balance} (ledger entry ${v.ledgerEntryId}, key ${v.idempotencyKey})`;
  return v.replayed ? `${line}\nreplayed: this key's change was made before; nothing changed now` : line;
}
