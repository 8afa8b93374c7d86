import { getAccountByEmail, listCharacters } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { type CharacterView, view, line } from "./character-view";

export const characterList = defineCommand({
  path: ["character", "list"],
  role: "gm",
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
