import { grantCurrency, setAccountPassword, type ActionOptions } from "@bezgelor/db";
import { testActionOptions } from "@bezgelor/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorld, type TestWorld } from "./support/world";

// Another service (the CLI, a web portal, a bot) changes what a player owns through the same
// actions, on the same database but not through the world server: its events reach the player.
describe("events from outside the world server", () => {
  let t: TestWorld;
  let opts: ActionOptions;
  beforeAll(async () => {
    t = await startTestWorld();
    opts = await testActionOptions({ actor: { kind: "admin", name: "portal" } });
  });
  afterAll(() => t.close());

  it("a gold grant reaches the online player as the genuine ServerCombatReward, once", async () => {
    const { player, client } = await t.inWorld();
    expect(await client.waitFor("ServerCombatReward")).toEqual({ stat: 0, newValue: 0n, combatRewardId: 0, targetUnitId: 0 });
    await grantCurrency(t.db, { ...opts, currency: "gold", characterId: player.characterId, amount: 250n, reason: "compensation", source: "admin" });
    expect(await client.waitFor("ServerCombatReward")).toEqual({ stat: 0, newValue: 250n, combatRewardId: 0, targetUnitId: 0 });
    await grantCurrency(t.db, { ...opts, currency: "gold", characterId: player.characterId, amount: 5n, reason: "again", source: "admin" });
    expect((await client.waitFor("ServerCombatReward")).newValue).toBe(255n);
    const credits = client.log.filter((p) => p.name === "ServerCombatReward" && (p.value as { newValue: bigint }).newValue === 250n);
    expect(credits).toHaveLength(1);
  });

  it("premium and bonus grants reach the online player as ServerAccountCurrencySet with every balance", async () => {
    const { player, client } = await t.inWorld();
    expect(await client.waitFor("ServerAccountCurrencySet")).toEqual({
      accountCurrencies: [
        { accountCurrencyType: 11, amount: 0n },
        { accountCurrencyType: 6, amount: 0n },
      ],
    });
    await grantCurrency(t.db, { ...opts, currency: "premium", accountId: player.accountId, amount: 1200n, reason: "purchase", source: "admin" });
    await grantCurrency(t.db, { ...opts, currency: "bonus", accountId: player.accountId, amount: 30n, reason: "promo", source: "promo" });
    await client.waitFor("ServerAccountCurrencySet", (s) => s.accountCurrencies.some((c) => c.accountCurrencyType === 6 && c.amount === 30n));
    const last = client.log.filter((p) => p.name === "ServerAccountCurrencySet").at(-1)!.value;
    expect(last).toEqual({
      accountCurrencies: [
        { accountCurrencyType: 11, amount: 1200n },
        { accountCurrencyType: 6, amount: 30n },
      ],
    });
  });

  it("an offline player gets the state on the next login, and the event is not an error", async () => {
    const player = await t.player();
    await grantCurrency(t.db, { ...opts, currency: "gold", characterId: player.characterId, amount: 40n, reason: "while away", source: "admin" });
    await t.world.services.events.flush();
    expect(await t.db.gameEvent.count({ where: { accountId: player.accountId, deliveredAt: null } })).toBe(0);
    const { client } = await t.inWorld(player);
    expect((await client.waitFor("ServerCombatReward")).newValue).toBe(40n);
    expect(t.logs.filter((l) => l.level >= 50)).toEqual([]);
  });

  it("a password changed by an operator ends the account's live session", async () => {
    const { player, client } = await t.inWorld();
    const bystander = await t.inWorld();
    await setAccountPassword(t.db, { email: player.email, password: "a brand new password" });
    const error = await client.closed;
    expect(error.code).toBe("DISCONNECTED");
    expect(t.logged("session closed").some((l) => String(l.reason).includes("password changed"))).toBe(true);
    bystander.client.say("still here");
    await bystander.client.waitFor("ServerChat", (c) => c.text === "still here");
  });
});
