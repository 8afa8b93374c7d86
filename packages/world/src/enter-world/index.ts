import { achievements } from "./achievements";
import { collection } from "./collection";
import { currencies } from "./currencies";
import { friends } from "./friends";
import { mail } from "./mail";
import type { EnterWorldStep } from "./step";
import { titles } from "./titles";

export { runEnterWorldSteps, enterWorldStep, type EnterWorldContext, type EnterWorldStep } from "./step";

/**
 * What the player is sent on entering the world, one step per feature, in the order the packets go
 * out (the reads run together), after the genuine entry (`game/world-entry.ts`: the player's unit,
 * ServerPlayerCreate with its standings and money, movement control). A feature adds its file in
 * `enter-world/` and a line here.
 */
export const ENTER_WORLD_STEPS: readonly EnterWorldStep[] = [titles, achievements, currencies, friends, mail, collection];
