import { loadGameData, selectReputationScale, type GameData } from "@bezgelor/data";
import type { ActionOptions, GameRules } from "../actions/action.js";

let shipped: Promise<GameData> | undefined;

/** The shipped game data with the named reputation scale (classic by default), loaded once per process. */
export async function loadTestRules(scale?: string): Promise<GameRules> {
  const data = await (shipped ??= loadGameData());
  return { data, scale: selectReputationScale(data, scale) };
}

/** Action options for tests: the shipped rules and an admin actor named "test". */
export async function testActionOptions(overrides: Partial<ActionOptions> = {}): Promise<ActionOptions> {
  return { rules: await loadTestRules(), actor: { kind: "admin", name: "test" }, ...overrides };
}
