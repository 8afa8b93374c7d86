import { getAccountByEmail, getAccountCollection, getMergedCollection, listCharacterPets, type CollectionEntry } from "@bezgelor/db";
import { characterOf } from "../currency-change";
import { defineCommand, str } from "../command";
import { collectionOptions } from "./collection-options";

interface CollectionView {
  accountId: number;
  email: string;
  character: string | null;
  entries: Array<CollectionEntry & { level?: number; xp?: number; nickname?: string | null }>;
}

export const collectionShow = defineCommand({
  path: ["collection", "show"],
  role: "gm",
  summary: "show an account's mounts, pets, vanity pets and flair (and one character's own, with pet levels)",
  options: collectionOptions,
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    const character = typeof o.character === "string" ? await characterOf(client, account, o.character) : undefined;
    // With a character: the merged view (each collectible once, the account's entry winning).
    const entries: CollectionView["entries"] = character
      ? await getMergedCollection(client, { accountId: account.id, characterId: character.id })
      : await getAccountCollection(client, { accountId: account.id });
    if (character) {
      const pets = await listCharacterPets(client, { characterId: character.id });
      for (const e of entries) {
        const p = pets.find((x) => x.kind === e.collectibleType && x.petId === e.collectibleId);
        if (p) Object.assign(e, { level: p.level, xp: p.xp, nickname: p.nickname });
      }
    }
    const view: CollectionView = { accountId: account.id, email: account.email, character: character?.name ?? null, entries };
    ctx.print(view, (v: CollectionView) =>
      [
        `${v.email}${v.character === null ? "" : ` / ${v.character}`}: ${v.entries.length} collected`,
        ...v.entries.map(
          (e) =>
            `  ${e.collectibleType} ${e.collectibleId} (${e.scope}, ${e.unlockSource}, ${e.unlockedAt.toISOString()})` +
            (e.level === undefined ? "" : ` level ${e.level}, ${e.xp} XP`) +
            (e.nickname ? ` "${e.nickname}"` : ""),
        ),
      ].join("\n"),
    );
  },
});
