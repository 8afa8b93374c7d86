// Everything an action can change for one character and its account, to prove a failed action
// changed nothing: compare the snapshot before and after.
import type { PrismaClient } from "../src/index.js";

export async function snapshot(client: PrismaClient, ids: { accountId: number; characterId: number }) {
  const { accountId, characterId } = ids;
  return {
    gold: (await client.character.findUniqueOrThrow({ where: { id: characterId }, select: { gold: true } })).gold,
    xpAndLevel: await client.character.findUniqueOrThrow({ where: { id: characterId }, select: { xp: true, level: true } }),
    activeTitle: (await client.account.findUniqueOrThrow({ where: { id: accountId }, select: { activeTitleId: true } })).activeTitleId,
    standings: await client.characterReputation.findMany({
      where: { characterId },
      select: { factionId: true, standing: true },
      orderBy: { factionId: "asc" },
    }),
    titles: await client.accountTitle.findMany({ where: { accountId }, select: { titleId: true }, orderBy: { titleId: "asc" } }),
    quests: await client.characterQuest.findMany({ where: { characterId }, select: { questId: true, state: true }, orderBy: { questId: "asc" } }),
    achievements: await client.characterAchievement.count({ where: { characterId } }),
    paths: await client.characterPathLevel.findMany({ where: { characterId }, select: { path: true, level: true }, orderBy: { path: "asc" } }),
    inventory: await client.characterInventoryItem.findMany({ where: { characterId }, select: { itemId: true, count: true }, orderBy: { itemId: "asc" } }),
    ledger: await client.currencyLedgerEntry.count({ where: { accountId } }),
    events: await client.gameEvent.count({ where: { accountId } }),
  };
}

/** A fault hook that throws at `step`. */
export const failAt = (step: string) => (name: string) => {
  if (name === step) throw new Error(`injected fault at ${step}`);
};
