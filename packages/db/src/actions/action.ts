// The wrapper every action goes through. An action is a db context that changes the game state:
// it parses its input, runs in one transaction (the caller's, when given one) with all of its
// consequences, writes the events it caused to the outbox in that same transaction, and returns
// them. Actions never touch a session or the protocol; the server, the CLI and other services
// call the same action and get the same result.
import type { GameData, ReputationScale } from "@bezgelor/data";
import type { z } from "zod";
import { isFullClient, runTransaction, type DbClient } from "../client.js";
import { DbError, toDbError } from "../errors.js";
import { announceEvents } from "../events/announce-events.js";
import { appendEvents, withAppendedEvents } from "../events/append-events.js";
import type { GameEvent } from "../events/game-event.js";
import type { Prisma, PrismaClient } from "../generated/prisma/client";
import { claimIdempotencyKey, IdempotencyKeySchema, isJudgedRefusal, recordRefusedKey, requestFingerprint } from "../idempotency/idempotency-key.js";
import { parseInput } from "../validation.js";
import { ActorSchema, type Actor } from "./actor.js";
import { runStatement } from "./run-statement.js";
import { StatementBatcher } from "./statement-batch.js";

/** The static data and rule configuration an action's rules read. */
export interface GameRules {
  readonly data: GameData;
  /** The reputation scale in force (BEZGELOR_REPUTATION_SCALE). */
  readonly scale: ReputationScale;
}

/**
 * A test hook called at each named step of an action (e.g. "quest.completed", "titles.checked",
 * "events"); throwing from it aborts the action, which must then leave nothing changed.
 */
export type FaultHook = (step: string) => void;

/** What every action takes besides its own input. */
export interface ActionOptions {
  rules: GameRules;
  actor: Actor;
  /** The action's clock (tests); defaults to the current time. */
  now?: Date;
  /** Makes the action idempotent where it supports keys: see {@link ActionResult.replayed}. */
  idempotencyKey?: string;
  /** Test-only fault injection. */
  faults?: FaultHook;
}

/** What an action returns. */
export interface ActionResult<R> {
  result: R;
  /** The events it caused, in order, as written to the outbox. Empty on a replay. */
  events: GameEvent[];
  /** True when an earlier request with the same idempotency key produced `result`; nothing changed now. */
  replayed: boolean;
}

/** What an action's body works with. */
export interface ActionContext {
  readonly tx: Prisma.TransactionClient;
  readonly rules: GameRules;
  readonly actor: Actor;
  readonly now: Date;
  /** The idempotency key of the request, if any (recorded in ledger rows). */
  readonly idempotencyKey: string | null;
  /** Records events; they are written to the outbox when the action's body returns. */
  emit(...events: GameEvent[]): void;
  /** The events recorded so far that are not in the outbox yet, in order. */
  unwritten(): readonly GameEvent[];
  /**
   * Records events that the body's own statement wrote to the outbox (see appendEventsCte), after
   * every {@link unwritten} event, which that statement must have written first: a hot path's last
   * statement carries its events instead of the one more statement the wrapper would need.
   */
  wrote(...events: GameEvent[]): void;
  /** Calls the fault hook, if any, with this step's name. */
  step(name: string): void;
}

/** A defined action: callable on its own, or as a step of another action (same transaction and events). */
export interface Action<S extends z.ZodType, R> {
  (db: DbClient, options: ActionOptions & z.input<S>): Promise<ActionResult<R>>;
  /** The action's name, e.g. "currency.grant"; keys and logs use it. */
  readonly actionName: string;
  /** Runs the action inside another action's context. */
  within(ctx: ActionContext, input: z.input<S>): Promise<R>;
  /**
   * For an action with a one-statement form (see {@link ActionSpec.statement}): the statement it
   * sends when called on its own, in its own transaction, for `input` (validated; throws DbError
   * INVALID_INPUT) and `env`; undefined when this input takes a transaction. Benches run it through
   * plain pg or PGlite as the limit of the action.
   */
  readonly statement?: (input: z.input<S>, env: StatementEnv) => Prisma.Sql | undefined;
}

/** The row an {@link ActionStatement} returns: "ok" false means it changed nothing. */
export interface StatementRow {
  ok: boolean;
}

/** An action's whole work as one SQL statement with its events (see {@link ActionSpec.statement}). */
export interface ActionStatement<R, Row extends StatementRow = StatementRow> {
  /**
   * Returns exactly one row; when its "ok" is false, the statement changed nothing. With `events`,
   * it becomes a WITH query of the statement that writes them, so it has no WITH of its own that
   * modifies data (a SELECT of a PL/pgSQL function, or one INSERT/UPDATE .. RETURNING). Without,
   * it is sent as it is and may write its own events ({@link wrote}). A statement whose guarded
   * writes can refuse one after another succeeded aborts itself with raise_refusal(code).
   */
  sql: Prisma.Sql;
  /** Written to the outbox by the same statement when "ok" is true. */
  events: GameEvent[];
  /** The events the statement wrote itself (appendEventsCte), in order, from its row when "ok"; `events` is then empty. */
  wrote?(row: Row): GameEvent[];
  /**
   * The action's result from the row (read as node-postgres reads it, int8 as bigint: see
   * queryRows); throws the action's DbError when "ok" is false, reading what it needs to explain
   * the refusal through `db` (outside any transaction: nothing was changed).
   */
  result(row: Row, db: DbClient): R | Promise<R>;
  /** The DbError for a statement that aborted itself with raise_refusal(`code`). */
  refused?(code: string): DbError | undefined;
}

/** What {@link ActionSpec.statement} builds a statement from besides the input. */
export interface StatementEnv {
  readonly actor: Actor;
  readonly now: Date;
  readonly rules: GameRules;
}

/** How to define an action. */
export interface ActionSpec<S extends z.ZodType, R> {
  name: string;
  input: S;
  /** Whether `idempotencyKey` is honoured (a result must survive JSON with bigints and dates). */
  idempotent?: boolean;
  /** For wrapping unexpected failures: "Granting 500 gold to character 3". */
  describe(input: z.output<S>): string;
  run(ctx: ActionContext, input: z.output<S>): Promise<R>;
  /**
   * The same work as `run`, as one statement sent outside an explicit transaction (one round trip
   * instead of BEGIN, each query, the outbox and COMMIT), or undefined when this input needs `run`
   * (e.g. a read that must come first). Used when the action is called on its own without fault
   * hooks (they fire between statements); `run` serves `within` and fault tests. May throw the
   * action's DbError for input it refuses without reading anything. Not for idempotent actions.
   */
  statement?(input: z.output<S>, env: StatementEnv): ActionStatement<R> | undefined;
  /**
   * The statement of many calls at once (2 or more, each with a one-statement form), for group
   * commit on a busy server (see StatementBatcher): one row per call, ordered by "n", the call's
   * 1-based position in `calls`, with the columns of `statement`'s row; a row whose "ok" is false
   * changed nothing. Calls that touch the same rows must take effect in the order given, and the
   * rows it locks should be locked in a fixed order (e.g. by id), so two batches cannot deadlock.
   * Events are added by the batcher (each call's `statement` events, when its row is "ok").
   */
  batch?(calls: readonly BatchCall<z.output<S>>[]): Prisma.Sql;
}

/** One call in {@link ActionSpec.batch}: its validated input and its environment. */
export interface BatchCall<I> {
  readonly input: I;
  readonly env: StatementEnv;
}

/**
 * Defines an action from its input schema and body. The returned function validates input
 * (DbError INVALID_INPUT), runs the body in one transaction, writes the events, and wraps
 * anything unexpected as DbError INTERNAL with the original as `cause`. With an idempotency key,
 * a repeated request returns the first result (`replayed`), and a different request with the
 * same key throws DbError IDEMPOTENCY_KEY_REUSED; neither changes anything.
 */
export function defineAction<S extends z.ZodType, R>(spec: ActionSpec<S, R>): Action<S, R> {
  // One group committer per client (see StatementBatcher); a client's transactions never batch.
  const batchers = new WeakMap<PrismaClient, StatementBatcher<BatchCall<z.output<S>>> | null>();
  const batcherOf = (db: PrismaClient): StatementBatcher<BatchCall<z.output<S>>> | null => {
    let batcher = batchers.get(db);
    if (batcher === undefined) batchers.set(db, (batcher = newBatcher(db, spec)));
    return batcher;
  };
  const action = async (db: DbClient, options: ActionOptions & z.input<S>): Promise<ActionResult<R>> => {
    const input = parseInput(spec.input, options);
    const actor = parseInput(ActorSchema, options.actor);
    const key = options.idempotencyKey === undefined ? null : parseInput(IdempotencyKeySchema, options.idempotencyKey);
    if (key !== null && !spec.idempotent) throw new TypeError(`action ${spec.name} does not take an idempotency key`);
    const now = options.now ?? new Date();
    // In its own transaction, the action announces its events after commit (announceEvents); in the
    // caller's, it notifies inside it, so the notification still waits for that commit.
    const ownTransaction = isFullClient(db);
    const fingerprint = key === null ? "" : requestFingerprint(spec.name, input);
    const body = async (tx: Prisma.TransactionClient): Promise<ActionResult<R>> => {
      if (key !== null) {
        const claim = await claimIdempotencyKey<R>(tx, key, spec.name, fingerprint);
        if (!claim.fresh) return { result: claim.result, events: [], replayed: true };
      }
      const events: GameEvent[] = [];
      // events[0, written) are in the outbox already (see ActionContext.wrote).
      let written = 0;
      const ctx: ActionContext = {
        tx,
        rules: options.rules,
        actor,
        now,
        idempotencyKey: key,
        emit: (...more) => void events.push(...more),
        unwritten: () => events.slice(written),
        wrote: (...more) => {
          events.push(...more);
          written = events.length;
        },
        step: (name) => options.faults?.(name),
      };
      const result = await spec.run(ctx, input);
      ctx.step("events");
      // One statement: the events not written yet, the key's result and, in the caller's transaction, the notification.
      await appendEvents(tx, events.slice(written), {
        idempotent: key === null ? undefined : { key, result },
        notify: !ownTransaction && events.length > 0,
      });
      return { result, events, replayed: false };
    };
    try {
      const env: StatementEnv = { actor, now, rules: options.rules };
      const oneStatement = spec.statement && key === null && !options.faults ? spec.statement(input, env) : undefined;
      const batcher = oneStatement && ownTransaction ? batcherOf(db) : null;
      const done = !oneStatement
        ? await runTransaction(db, body)
        : batcher
          ? await batcher.submit({ input, env }, oneStatement)
          : await runStatement(db, oneStatement, !ownTransaction);
      if (ownTransaction && done.events.length > 0) void announceEvents(db);
      return done;
    } catch (error) {
      const failure = toDbError(error, `${spec.describe(input)} failed`);
      // A refusal in the action's own transaction keeps its key for this request (see recordRefusedKey).
      if (key === null || !ownTransaction || !isJudgedRefusal(failure)) throw failure;
      try {
        await recordRefusedKey(db, key, spec.name, fingerprint);
      } catch (recording) {
        // The refusal is the answer: a failure to keep the key (the database went away) must not hide it.
        throw new DbError(failure.code, failure.message, { details: { ...failure.details, keyRecorded: false }, cause: recording });
      }
      throw failure;
    }
  };
  if (spec.batch && !spec.statement) throw new TypeError(`action ${spec.name}: a batch form needs a one-statement form`);
  if (spec.statement && spec.idempotent) throw new TypeError(`action ${spec.name}: a one-statement action cannot be idempotent`);
  const statement = spec.statement?.bind(spec);
  return Object.assign(action, {
    actionName: spec.name,
    within: (ctx: ActionContext, raw: z.input<S>) => spec.run(ctx, parseInput(spec.input, raw)),
    ...(statement && {
      statement: (raw: z.input<S>, env: StatementEnv) => {
        const built = statement(parseInput(spec.input, raw), { ...env, actor: parseInput(ActorSchema, env.actor) });
        return built && withAppendedEvents(built.sql, built.events, false);
      },
    }),
  });
}

/** The group committer of `spec` on `db` (its batch form), or null when it has none. */
function newBatcher<S extends z.ZodType, R>(db: PrismaClient, spec: ActionSpec<S, R>): StatementBatcher<BatchCall<z.output<S>>> | null {
  return spec.batch ? new StatementBatcher(db, (calls) => spec.batch!(calls)) : null;
}
