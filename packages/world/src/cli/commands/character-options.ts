import { WorldError } from "../../errors";

/** WildStar's ids for races, classes, sexes and player factions (NexusForever's enums). */
const CHOICES = {
  race: { human: 1, granok: 3, aurin: 4, draken: 5, mechari: 12, chua: 13, mordesh: 16 },
  class: { warrior: 1, engineer: 2, esper: 3, medic: 4, stalker: 5, spellslinger: 7 },
  sex: { male: 0, female: 1 },
  faction: { dominion: 166, exile: 167 },
} as const;

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
  const choices = Object.entries(table).map(([n, id]) => `${n} (${id})`).join(", ");
  throw new WorldError("USAGE", `unknown ${kind} "${value}"; choose one of ${choices}`);
}
