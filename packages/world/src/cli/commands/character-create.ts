import { createCharacter, getAccountByEmail } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { CHARACTER_DEFAULTS, characterChoices } from "./character-options";
import { type CharacterView, view, line, option } from "./character-view";

export const characterCreate = defineCommand({
  path: ["character", "create"],
  role: "admin",
  summary: "create a character on an account",
  options: {
    email: { type: "string", description: "owner's login email", required: true },
    name: { type: "string", description: "character name (unique, case-insensitive)", required: true },
    race: { type: "string", description: `race: ${characterChoices("race")} or id`, default: CHARACTER_DEFAULTS.race },
    class: { type: "string", description: `class: ${characterChoices("class")} or id`, default: CHARACTER_DEFAULTS.class },
    sex: { type: "string", description: `sex: ${characterChoices("sex")} or id`, default: CHARACTER_DEFAULTS.sex },
    faction: { type: "string", description: `faction: ${characterChoices("faction")} or id`, default: CHARACTER_DEFAULTS.faction },
  },
  printsData: true,
  async run(ctx, o) {
    const faction = option(o, "faction");
    const rules = await ctx.loadRules();
    // Start where a character of this race and faction created in the client starts.
    const race = option(o, "race");
    const start = rules.data.startLocations.for(race, faction);
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    // createCharacter holds the choice to the creation screen's (CHARACTER_CREATION_NOT_OFFERED, exit 2).
    const character = await createCharacter(client, {
      rules,
      accountId: account.id,
      name: str(o, "name"),
      race,
      class: option(o, "class"),
      sex: option(o, "sex"),
      faction,
      ...(start ? { worldId: start.worldId, zoneId: start.zoneId, position: start.position, yaw: start.yaw } : {}),
    });
    ctx.print(view(character), (c: CharacterView) => `created character ${line(c)}`);
  },
});
