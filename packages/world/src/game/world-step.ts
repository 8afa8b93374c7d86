// One step of the world as the server's timer runs it (and tests, after advancing their clock).
import type { WorldServices } from "../server/services";
import { runPetAttacks } from "./pets/pet-attacks";

/**
 * The maps' tick (`WorldMaps.tick`: combat timeouts and respawns, companions following, sight),
 * then the game's step that needs sessions and the database: combat pets fighting beside their
 * owners (`runPetAttacks`). Resolves when the step's database work is written; never rejects (a
 * failure is logged and the next step runs as usual).
 */
export async function stepWorld(services: WorldServices): Promise<void> {
  try {
    services.world.tick();
  } catch (err) {
    services.logger.error({ err }, "world tick failed");
  }
  await runPetAttacks(services);
}
