// Helpers for the storefront end-to-end tests: a test world with the shipped catalog imported,
// players with funds entering the world, friendships made through the friend actions, and what
// the catalog shows for an offer.
import { FRIENDSHIP_RESPONSE, FRIENDSHIP_TYPE } from "@bezgelor/core";
import { storeCatalogOf } from "@bezgelor/data";
import { addFriend, getBalances, grantCurrency, importStoreCatalog, respondToFriendInvite, type ActionOptions, type Balances } from "@bezgelor/db";
import { testActionOptions } from "@bezgelor/db/testing";
import type { StoreCatalog } from "../../src/client/headless-client";
import { atMailbox, enter, type SocialPlayer } from "./social";
import { startTestWorld, type TestPlayer, type TestWorld } from "./world";

/** A test world whose database holds the shipped store catalog, and admin action options for set-up. */
export async function startStoreWorld(options: Parameters<typeof startTestWorld>[1] = {}): Promise<{ t: TestWorld; opts: ActionOptions }> {
  const t = await startTestWorld({}, options);
  const opts = await testActionOptions({ actor: { kind: "admin", name: "test" } });
  await importStoreCatalog(t.db, { catalog: storeCatalogOf(t.data) });
  return { t, opts };
}

/** A new player with funds, in the world, with the initial friend and mail packets taken. */
export async function shopper(t: TestWorld, opts: ActionOptions, funds: { premium?: bigint; bonus?: bigint; gold?: bigint } = {}): Promise<SocialPlayer> {
  const p = await t.player(atMailbox(t));
  for (const currency of ["premium", "bonus"] as const) {
    const amount = funds[currency];
    if (amount) await grantCurrency(t.db, { ...opts, currency, accountId: p.accountId, amount, reason: "test funds", source: "admin" });
  }
  if (funds.gold)
    await grantCurrency(t.db, { ...opts, currency: "gold", characterId: p.characterId, amount: funds.gold, reason: "test funds", source: "admin" });
  const entered = await enter(t, p);
  // Entering sends the balances once; tests wait for the ones their purchases cause.
  await entered.client.waitFor("ServerCombatReward");
  await entered.client.waitFor("ServerAccountCurrencySet");
  return entered;
}

/** Every balance of a player: premium and bonus of the account, gold of the character. */
export async function balancesOf(t: TestWorld, p: TestPlayer): Promise<Balances> {
  return getBalances(t.db, { accountId: p.accountId, characterId: p.characterId });
}

/** How many ledger rows the player's account and character have. */
export async function ledgerRows(t: TestWorld, p: TestPlayer): Promise<number> {
  return t.db.currencyLedgerEntry.count({ where: { OR: [{ accountId: p.accountId }, { characterId: p.characterId }] } });
}

/** Makes `a` and `b` mutual friends through the friend actions (invite, accept). */
export async function befriend(t: TestWorld, opts: ActionOptions, a: TestPlayer, b: TestPlayer): Promise<void> {
  const sent = await addFriend(t.db, { ...opts, characterId: a.characterId, name: b.characterName, type: FRIENDSHIP_TYPE.Friend, note: "" });
  if (sent.result.outcome !== "invited") throw new Error(`expected an invite, got ${sent.result.outcome}`);
  await respondToFriendInvite(t.db, { ...opts, characterId: b.characterId, inviteId: sent.result.inviteId, response: FRIENDSHIP_RESPONSE.Accept });
}

/** The offer as the catalog shows it, and its currency entry for `currencyId`. */
export function shown(catalog: StoreCatalog, offerId: number, currencyId: number) {
  const group = catalog.offers.groups.find((g) => g.offers.some((o) => o.id === offerId));
  const offer = group?.offers.find((o) => o.id === offerId);
  const entry = offer?.currencies.find((c) => c.currencyId === currencyId);
  if (!group || !offer || !entry) throw new Error(`the catalog shows no offer ${offerId} in currency ${currencyId}`);
  return { group, offer, entry };
}
