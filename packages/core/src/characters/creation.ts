// Which characters may be created: exactly the choices of the character-creation screen
// (character-creations.json, NexusForever's CharacterCreation table). The genuine client sends
// only a choice's id (ClientCharacterCreate); the CLI and other services name race, class, sex and
// faction, and are held to the same choices, so no path creates what the game does not offer.
import type { CharacterCreation } from "@bezgelor/data";
import type { Ok, Refused } from "../result";

/** A character asked for by its race, class, sex and faction ids. */
export interface CharacterChoice {
  readonly race: number;
  readonly class: number;
  readonly sex: number;
  readonly faction: number;
}

/** Why a character cannot be created as asked. */
export const CHARACTER_CREATION_REFUSAL = {
  NOT_OFFERED: "not_offered",
} as const;

/**
 * The decision of {@link checkCharacterCreation}: the creation-screen choice it is, or the choices
 * the screen offers for the asked race and faction (every choice of the faction when its race
 * has none there, every choice when the faction has none).
 */
export type CharacterCreationDecision =
  Ok<{ creation: CharacterCreation }> | Refused<typeof CHARACTER_CREATION_REFUSAL.NOT_OFFERED, { offered: readonly CharacterCreation[] }>;

/**
 * Whether `choice` is a choice of the character-creation screen (`creations`, the game data's
 * table): the same race, class, sex and faction. Refuses NOT_OFFERED with the nearest choices
 * offered instead, so a refusal can say what would do.
 */
export function checkCharacterCreation(creations: readonly CharacterCreation[], choice: CharacterChoice): CharacterCreationDecision {
  const same = (c: CharacterCreation) => c.race === choice.race && c.class === choice.class && c.sex === choice.sex && c.factionId === choice.faction;
  const creation = creations.find(same);
  if (creation) return { ok: true, creation };
  const ofFaction = creations.filter((c) => c.factionId === choice.faction);
  const ofRace = ofFaction.filter((c) => c.race === choice.race);
  const offered = ofRace.length > 0 ? ofRace : ofFaction.length > 0 ? ofFaction : creations;
  return { ok: false, reason: CHARACTER_CREATION_REFUSAL.NOT_OFFERED, offered };
}
