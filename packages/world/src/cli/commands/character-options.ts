import { CLASS, RACE, SEX } from "@bezgelor/data";
import { WorldError } from "../../errors";

/**
 * WildStar's ids for races, classes and sexes (RACE, CLASS, SEX of @bezgelor/data, NexusForever's
 * enums) and the two player factions (the Dominion 166 and the Exiles 167, Faction2Id in the data).
 */
const CHOICES = {
  race: RACE,
  class: CLASS,
  sex: SEX,
  faction: { dominion: 166, exile: 167 },
} as const;

/** "human|granok|..." for an option's description. */
export function characterChoices(kind: keyof typeof CHOICES): string {
  return Object.keys(CHOICES[kind]).join("|");
}

export const CHARACTER_DEFAULTS = { race: "human", class: "warrior", sex: "male", faction: "exile" } as const;

/**
 * Turns a name ("aurin") or a known id ("4") into the id.
 * @throws WorldError USAGE for anything else, listing the choices.
 */
export function resolveCharacterOption(kind: keyof typeof CHOICES, value: string): number {
  const table: Record<string, number> = CHOICES[kind];
  const key = value.trim().toLowerCase();
  const byName = table[key];
  if (byName !== undefined) return byName;
  const byId = Number(key);
  if (Object.values(table).includes(byId)) return byId;
  const choices = Object.entries(table)
    .map(([n, id]) => `${n} (${id})`)
    .join(", ");
  throw new WorldError("USAGE", `unknown ${kind} "${value}"; choose one of ${choices}`);
}
