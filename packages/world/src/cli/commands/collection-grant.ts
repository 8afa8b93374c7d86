import { getAccountByEmail, unlockCollectible } from "@bezgelor/db";
import { cliActor, characterOf } from "../currency-change";
import { defineCommand, str } from "../command";
import { collectibleOption, collectionOptions } from "./collection-options";

interface GrantView {
  accountId: number;
  character: string | null;
  collectibleType: string;
  collectibleId: number;
  scope: "account" | "character";
  unlocked: boolean;
}

export const collectionGrant = defineCommand({
  path: ["collection", "grant"],
  role: "gm",
  summary: "unlock a mount or pet for an account (every character), or with --character for that character only (source gm)",
  options: {
    ...collectionOptions,
    mount: { type: "string", description: "mount id" },
    pet: { type: "string", description: "combat pet id" },
    "vanity-pet": { type: "string", description: "vanity pet id" },
  },
  printsData: true,
  async run(ctx, o) {
    const what = collectibleOption(o);
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = typeof o.character === "string" ? await characterOf(client, account, o.character) : undefined;
    const scope = character ? "character" : "account";
    const { result } = await unlockCollectible(client, {
      rules: await ctx.loadRules(),
      actor: cliActor(),
      scope,
      accountId: account.id,
      characterId: character?.id ?? null,
      ...what,
      source: "gm",
    });
    const view: GrantView = { accountId: account.id, character: character?.name ?? null, ...what, scope, unlocked: result.unlocked };
    ctx.print(view, (v: GrantView) => `${v.unlocked ? "unlocked" : "already had"} ${v.collectibleType} ${v.collectibleId} (${v.scope})`);
  },
});
