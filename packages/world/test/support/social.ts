// Helpers for the friend and mail end-to-end tests: players entering the world with their initial
// friend and mail packets taken out of the inbox, and the value two characters and their mail hold.
import { grantCurrency, type ActionOptions } from "@bezgelor/db";
import { ENTITY_TYPE, type PacketValue, type ServerFriendshipInviteList, type ServerFriendshipList, type ServerMailAvailable } from "@bezgelor/protocol";
import type { HeadlessClient } from "../../src/client/headless-client";
import type { TestPlayer, TestWorld } from "./world";

/** A player in the world, with what entering sent about friends and mail. */
export interface SocialPlayer {
  player: TestPlayer;
  client: HeadlessClient;
  friends: PacketValue<typeof ServerFriendshipList>;
  invites: PacketValue<typeof ServerFriendshipInviteList>;
  mailbox: PacketValue<typeof ServerMailAvailable>;
  /** The unit id of the mailbox in sight, 0 for none (mail attachments and credits are taken at a mailbox). */
  mailboxUnit: number;
}

/** Where a character stands 2 m from the mailbox placed at the Exile start (world 426): options for `t.player`. */
export function atMailbox(t: TestWorld) {
  const spawn = t.data.spawns.all().find((s) => s.type === "mailbox" && s.worldId === 426);
  if (!spawn) throw new Error("no mailbox in world 426");
  return { worldId: spawn.worldId, position: { ...spawn.position, x: spawn.position.x + 2 } };
}

/**
 * Enters the world (a new player stands at the mailbox, {@link atMailbox}) and takes the initial
 * ServerFriendshipList, ServerFriendshipInviteList and ServerMailAvailable.
 */
export async function enter(t: TestWorld, who?: TestPlayer): Promise<SocialPlayer> {
  const { player, client } = await t.inWorld(who ?? (await t.player(atMailbox(t))));
  const friends = await client.waitFor("ServerFriendshipList");
  const invites = await client.waitFor("ServerFriendshipInviteList");
  const mailbox = await client.waitFor("ServerMailAvailable");
  // The world entry creates the units in sight before it sends the mail, so the mailbox is known by now (0: none in sight).
  const mailboxUnit = [...client.units.values()].find((u) => u.type === ENTITY_TYPE.MailBox)?.unitId ?? 0;
  return { player, client, friends, invites, mailbox, mailboxUnit };
}

/** A new player with `gold` and item stacks (test setup writes the inventory rows directly). */
export async function richPlayer(t: TestWorld, opts: ActionOptions, gold: bigint, items: Array<[number, number]> = []): Promise<TestPlayer> {
  const p = await t.player(atMailbox(t));
  if (gold > 0n) await grantCurrency(t.db, { ...opts, currency: "gold", characterId: p.characterId, amount: gold, reason: "test", source: "admin" });
  for (const [itemId, count] of items) await t.db.characterInventoryItem.create({ data: { characterId: p.characterId, itemId, count } });
  return p;
}

/** Gold of each character, gold in the mail they hold or sent, and item counts (inventory + attachments) by item id. */
export async function holdings(t: TestWorld, ...players: TestPlayer[]) {
  const ids = players.map((p) => p.characterId);
  const chars = await t.db.character.findMany({ where: { id: { in: ids } }, select: { id: true, gold: true }, orderBy: { id: "asc" } });
  const mails = await t.db.mail.findMany({
    where: { OR: [{ recipientCharacterId: { in: ids } }, { senderCharacterId: { in: ids } }] },
    include: { attachments: true },
  });
  const inventory = await t.db.characterInventoryItem.findMany({ where: { characterId: { in: ids } } });
  const items: Record<number, number> = {};
  for (const i of inventory) items[i.itemId] = (items[i.itemId] ?? 0) + i.count;
  for (const a of mails.flatMap((m) => m.attachments)) if (a.itemId !== null) items[a.itemId] = (items[a.itemId] ?? 0) + (a.count ?? 0);
  const mailGold = mails.reduce((sum, m) => sum + m.gold, 0n);
  const gold = Object.fromEntries(chars.map((c) => [c.id, c.gold]));
  return { gold, mailGold, totalGold: chars.reduce((s, c) => s + c.gold, 0n) + mailGold, items, mails: mails.length };
}
