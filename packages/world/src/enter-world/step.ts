import type { HandlerContext } from "../handlers/types";

/** What every enter-world step gets: the handler's context plus the ids and clock of this entry. */
export interface EnterWorldContext extends HandlerContext {
  readonly characterId: number;
  readonly accountId: number;
  /** One clock for the whole entry, so every step sees the same "now" (expiring titles). */
  readonly now: Date;
}

/**
 * One feature's part of entering the world. `load` reads the feature's state (the loads of all
 * steps run together); `send` sends it, and the sends run in the order of `ENTER_WORLD_STEPS`, so
 * the client always sees the same packet order whatever the database answers first. `load` may
 * throw (a DbError, an outage): entering then fails before anything of any step is sent.
 */
export interface EnterWorldStep<T = unknown> {
  /** A short name for logs (`standings`, `titles`, ...). */
  readonly name: string;
  load(ctx: EnterWorldContext): Promise<T>;
  send(ctx: EnterWorldContext, loaded: T): void;
}

/** Declares a step with the type of its loaded state checked between `load` and `send`. */
export function enterWorldStep<T>(step: EnterWorldStep<T>): EnterWorldStep<T> {
  return step;
}

/**
 * Runs `steps`: every `load` at once, then every `send` in list order. Nothing is sent when a
 * load fails (the first failure is thrown).
 */
export async function runEnterWorldSteps(ctx: EnterWorldContext, steps: readonly EnterWorldStep[]): Promise<void> {
  const loaded = await Promise.all(steps.map((step) => step.load(ctx)));
  steps.forEach((step, i) => step.send(ctx, loaded[i]));
}
