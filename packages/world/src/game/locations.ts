// Saving where characters stand: on leaving the world (logout, disconnect, shutdown), and every
// world.saveIntervalSeconds for those whose place changed since their last save, through the db
// action saveCharacterLocations.
import { saveCharacterLocations } from "@bezgelor/db";
import type { WorldServices } from "../server/services";
import type { CharacterPlace } from "../world/world-maps";
import { stepWorld } from "./world-step";

const ACTOR = { kind: "system", name: "world:locations" } as const;

/**
 * Saves the places in one action; true when they were written. A failure (an outage) is logged at
 * warn with the characters and not thrown (false): the next periodic save or logout writes them
 * again.
 */
export async function saveLocations(services: WorldServices, places: readonly CharacterPlace[]): Promise<boolean> {
  if (places.length === 0) return true;
  const locations = places.map((p) => ({
    characterId: p.characterId,
    worldId: p.worldId,
    zoneId: p.zoneId,
    position: p.movement.position,
    rotation: p.movement.rotation,
  }));
  try {
    await saveCharacterLocations(services.db, { rules: services.rules, actor: ACTOR, locations });
    return true;
  } catch (err) {
    services.logger.warn({ err, characters: places.map((p) => p.characterId) }, "could not save character locations; kept for the next save");
    return false;
  }
}

/**
 * The periodic save: the places that changed since their last save (`WorldMaps.unsavedPlaces`),
 * in one action, then recorded as saved; nothing is written when nobody moved. A failed save
 * leaves them unsaved for the next one.
 */
export async function saveMovedLocations(services: WorldServices): Promise<void> {
  const moved = services.world.unsavedPlaces();
  if (moved.length === 0) return;
  if (await saveLocations(services, moved)) services.world.markSaved(moved);
}

/**
 * Steps the world (`stepWorld`) every world.tickMilliseconds and saves the places that changed
 * every world.saveIntervalSeconds (`saveMovedLocations`). The returned function stops both, waits
 * for the steps and the save in flight and saves everyone once more (shutdown).
 */
export function startWorldSimulation(services: WorldServices): () => Promise<void> {
  const { tickMilliseconds, saveIntervalSeconds } = services.config.world;
  // Steps still writing (a pet's kill): shutdown waits for them before the database closes.
  const stepping = new Set<Promise<void>>();
  const ticker = setInterval(() => {
    const step = stepWorld(services).finally(() => stepping.delete(step));
    stepping.add(step);
  }, tickMilliseconds).unref();
  let saving: Promise<void> | undefined;
  const saver = setInterval(() => {
    if (saving) return;
    saving = saveMovedLocations(services).finally(() => (saving = undefined));
  }, saveIntervalSeconds * 1000).unref();
  return async () => {
    clearInterval(ticker);
    clearInterval(saver);
    await Promise.all([...stepping]);
    await saving;
    await saveLocations(services, services.world.places());
  };
}
