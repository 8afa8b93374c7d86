// Shared by the character commands: how a character is shown and its race/class/sex/faction options read.
import { str, type OptionValues } from "../command";
import { CHARACTER_DEFAULTS, resolveCharacterOption } from "./character-options";

export interface CharacterView {
  id: number;
  name: string;
  race: number;
  class: number;
  sex: number;
  faction: number;
  level: number;
  worldId: number;
  zoneId: number;
  gold: bigint;
}

export function view(c: CharacterView): CharacterView {
  const { id, name, race, class: cls, sex, faction, level, worldId, zoneId, gold } = c;
  return { id, name, race, class: cls, sex, faction, level, worldId, zoneId, gold };
}

export const line = (c: CharacterView) =>
  `${c.id}  ${c.name}  level ${c.level}  race ${c.race} class ${c.class} faction ${c.faction}  world ${c.worldId} zone ${c.zoneId}  gold ${c.gold}`;

export function option(o: OptionValues, name: keyof typeof CHARACTER_DEFAULTS): number {
  return resolveCharacterOption(name, str(o, name));
}
