// Names for the race, class, sex and faction ids of a character, for messages an operator or a
// player reads: the name from the game's definitions (RACE, CLASS, SEX, factions.json) with the id
// kept beside it, e.g. "Mordesh (race 16)", since the ids are what the data and the client use.
import type { Faction } from "./schemas/faction";
import { CLASS, RACE, SEX } from "./schemas/character-creation";

const titleCase = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

function label(table: Record<string, number>, what: string, id: number): string {
  const name = Object.entries(table).find(([, value]) => value === id)?.[0];
  return name === undefined ? `${what} ${id}` : `${titleCase(name)} (${what} ${id})`;
}

/** "Mordesh (race 16)"; "race 99" for an id RACE does not define. */
export const raceLabel = (race: number): string => label(RACE, "race", race);

/** "Stalker (class 5)"; "class 99" for an id CLASS does not define. */
export const classLabel = (klass: number): string => label(CLASS, "class", klass);

/** "Female (sex 1)"; "sex 9" for an id SEX does not define. */
export const sexLabel = (sex: number): string => label(SEX, "sex", sex);

/** "Exiles (faction 167)" from the factions table; "faction 1" for one it does not hold. */
export function factionLabel(factions: { get(id: number): Faction | undefined }, faction: number): string {
  const name = factions.get(faction)?.name;
  return name === undefined ? `faction ${faction}` : `${name} (faction ${faction})`;
}

/** "Mordesh (race 16), Stalker (class 5), Female (sex 1), Exiles (faction 167)". */
export function characterChoiceLabel(
  factions: { get(id: number): Faction | undefined },
  choice: { readonly race: number; readonly class: number; readonly sex: number; readonly faction: number },
): string {
  return [raceLabel(choice.race), classLabel(choice.class), sexLabel(choice.sex), factionLabel(factions, choice.faction)].join(", ");
}
