import { loadGameData } from "@bezgelor/data";
import { createCharacter, getAccountByEmail, listCharacters } from "@bezgelor/db";
import { defineCommand, str, type OptionValues } from "../command";
import { changeCurrencyFromCli, describeChange, parseAmount, type CurrencyChangeView } from "../currency-change";
import { CHARACTER_DEFAULTS, resolveCharacterOption } from "./character-options";

interface CharacterView {
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

function view(c: CharacterView): CharacterView {
  const { id, name, race, class: cls, sex, faction, level, worldId, zoneId, gold } = c;
  return { id, name, race, class: cls, sex, faction, level, worldId, zoneId, gold };
}

const line = (c: CharacterView) =>
  `${c.id}  ${c.name}  level ${c.level}  race ${c.race} class ${c.class} faction ${c.faction}  world ${c.worldId} zone ${c.zoneId}  gold ${c.gold}`;

function option(o: OptionValues, name: keyof typeof CHARACTER_DEFAULTS): number {
  return resolveCharacterOption(name, str(o, name));
}

export const characterCreate = defineCommand({
  path: ["character", "create"],
  summary: "create a character on an account",
  options: {
    email: { type: "string", description: "owner's login email", required: true },
    name: { type: "string", description: "character name (unique, case-insensitive)", required: true },
    race: { type: "string", description: "race: human|granok|aurin|draken|mechari|chua|mordesh or id", default: CHARACTER_DEFAULTS.race },
    class: { type: "string", description: "class: warrior|engineer|esper|medic|stalker|spellslinger or id", default: CHARACTER_DEFAULTS.class },
    sex: { type: "string", description: "sex: male|female or id", default: CHARACTER_DEFAULTS.sex },
    faction: { type: "string", description: "faction: exile|dominion or id", default: CHARACTER_DEFAULTS.faction },
  },
  printsData: true,
  async run(ctx, o) {
    const faction = option(o, "faction");
    const data = await loadGameData(ctx.config.gameDataDir === undefined ? {} : { dir: ctx.config.gameDataDir });
    // Start where the faction's creation choices start (the client's own creation screen does the same).
    const start = data.characterCreations.all().find((c) => c.factionId === faction);
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = await createCharacter(client, {
      accountId: account.id,
      name: str(o, "name"),
      race: option(o, "race"),
      class: option(o, "class"),
      sex: option(o, "sex"),
      faction,
      ...(start ? { worldId: start.worldId, zoneId: start.zoneId } : {}),
    });
    ctx.print(view(character), (c: CharacterView) => `created character ${line(c)}`);
  },
});

export const characterList = defineCommand({
  path: ["character", "list"],
  summary: "list an account's characters",
  options: { email: { type: "string", description: "owner's login email", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const characters = (await listCharacters(client, { accountId: account.id })).map(view);
    ctx.print(characters, (cs: CharacterView[]) => (cs.length === 0 ? "no characters" : cs.map(line).join("\n")));
  },
});

export const goldGrant = defineCommand({
  path: ["gold", "grant"],
  summary: "grant gold to a character (shorthand for currency grant --currency gold)",
  options: {
    character: { type: "string", description: "character name", required: true },
    amount: { type: "string", description: "positive whole amount of gold", required: true },
    reason: { type: "string", description: "ledger reason", default: "gm grant" },
    key: { type: "string", description: "idempotency key; a retry with the same key changes nothing twice (generated and printed if omitted)" },
  },
  printsData: true,
  async run(ctx, o) {
    const view = await changeCurrencyFromCli(ctx, {
      direction: "grant",
      currency: "gold",
      character: str(o, "character"),
      amount: parseAmount(str(o, "amount")),
      reason: str(o, "reason"),
      key: typeof o.key === "string" ? o.key : undefined,
      command: { path: ["gold", "grant"], options: o },
    });
    ctx.print(view, (v: CurrencyChangeView) => describeChange(v));
  },
});
