import { z } from "zod";
import { wireId14Schema } from "./common";
import { wireIdSchema } from "./wire";

/** Race ids of the client (NexusForever `Race`). */
export const RACE = { human: 1, granok: 3, aurin: 4, draken: 5, mechari: 12, chua: 13, mordesh: 16 } as const;
/** Class ids of the client (NexusForever `Class`). */
export const CLASS = { warrior: 1, engineer: 2, esper: 3, medic: 4, stalker: 5, spellslinger: 7 } as const;
/** Sex ids of the client. */
export const SEX = { male: 0, female: 1 } as const;

const oneOf = (table: Record<string, number>, what: string) =>
  z.int().refine((v) => Object.values(table).includes(v), `must be a ${what} id (${Object.values(table).join(", ")})`);

/**
 * One choice on the character-creation screen: the client sends only this id in
 * `ClientCharacterCreate`, and the server looks up what it means; where the character starts is
 * the start location of its race and faction (`start-locations.json`).
 */
export const characterCreationSchema = z.strictObject({
  id: wireIdSchema("characterCreationId"),
  race: oneOf(RACE, "race"),
  class: oneOf(CLASS, "class"),
  sex: oneOf(SEX, "sex"),
  factionId: wireId14Schema,
});

/** One choice on the character-creation screen. */
export type CharacterCreation = z.output<typeof characterCreationSchema>;
