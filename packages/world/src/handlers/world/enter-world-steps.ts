import type { HandlerContext } from "../types";

/** What each feature sends when a character enters the world, in order. */
export type EnterWorldStep = (ctx: HandlerContext) => Promise<void> | void;

export const ENTER_WORLD_STEPS: readonly EnterWorldStep[] = [];
