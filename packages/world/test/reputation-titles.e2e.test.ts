import { reputationLevel } from "@bezgelor/core";
import { awardReputation, getGold, grantCurrency, getItemCount, getReputations, grantTitle, setActiveTitle } from "@bezgelor/db";
import { testActionOptions } from "@bezgelor/db/testing";
import { ClientQuestAccept, ClientQuestComplete, ClientTitleSet, ClientVendorPurchase, EXP_REASON, QUEST_STATE, STAT } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { resultCodeName } from "../src/server/result-codes";
import { gm } from "./support/gm";
import { nearVendor, openVendor } from "./support/vendors";
import { startTestWorld, type TestPlayer, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({ rateLimitPerSecond: 1000, rateLimitBurst: 1000 });
});
afterAll(() => t.close());

const NO_ITEM = { location: 300, bagIndex: 0 };
const itemLocation = NO_ITEM;

async function refusal(client: HeadlessClient) {
  const r = await client.waitFor("ServerRequestResult");
  return { code: resultCodeName(r.code), message: r.message, requestOpcode: r.requestOpcode };
}

describe("entering the world", () => {
  it("sends the character's reputations and the account's titles, active title included", async () => {
    const p = await t.player();
    const opts = await testActionOptions();
    // friendly with the Exiles unlocks title 1004 in the same action
    const { result } = await awardReputation(t.db, { ...opts, characterId: p.characterId, changes: [{ factionId: 167, delta: 3100 }], source: "test" });
    expect(result.titles).toEqual([1004]);
    await setActiveTitle(t.db, { ...opts, accountId: p.accountId, titleId: 1004 });
    const client = await t.connect();
    await client.login(p);
    await client.enterWorld(p.characterId);
    expect(client.playerCreate?.factionData.reputations).toEqual([{ factionId: 167, value: 3100 }]);
    expect((await client.waitFor("ServerTitles")).titles).toEqual([{ titleId: 1004, revoked: false, inSchedule: false, timeRemaining: 0 }]);
    expect(await client.waitFor("ServerTitleSet")).toEqual({ unitId: client.unitId, titleId: 1004 });
  });
});

describe("reputation from kills, GM commands and quests", () => {
  let p: TestPlayer;
  let client: HeadlessClient;
  beforeAll(async () => {
    p = await t.player({ role: "gm", ...nearVendor(t.data, 8001) });
    await grantCurrency(t.db, { ...(await testActionOptions()), currency: "gold", characterId: p.characterId, amount: 1000n, reason: "test", source: "admin" });
    ({ client } = await t.inWorld(p));
    expect(await client.waitFor("ServerCombatReward")).toEqual({ stat: 0, newValue: 1000n, combatRewardId: 0, targetUnitId: 0 });
  });

  it("a GM kills creature 12345 and sees both reputation updates", async () => {
    const outcome = await gm(client, "!kill 12345");
    expect(outcome.reply).toContain("faction 166: 0 -> 25");
    expect(await client.waitFor("ServerReputationUpdate", (u) => u.factionId === 166)).toEqual({ factionId: 166, value: 25 });
    expect(await client.waitFor("ServerReputationUpdate", (u) => u.factionId === 167)).toEqual({ factionId: 167, value: -10 });
  });

  it("vendor 8001 refuses below friendly, naming the level it requires", async () => {
    await openVendor(client, t.data, 8001);
    const refused = await client.waitFor("ServerVendorRefused");
    const friendly = t.world.services.scale.levelsByName.get("friendly");
    expect(refused).toEqual({ vendorId: 8001, factionId: 166, requiredLevel: friendly?.index });
    client.send(ClientVendorPurchase, { stockUniqueId: 30001, purchaseQuantity: 1 });
    expect((await refusal(client)).code).toBe("NOT_AVAILABLE");
  });

  it("raising 166 to 2,900 and completing quest 5001 (+250) crosses into friendly and unlocks its title", async () => {
    expect((await gm(client, "!rep 166 2875")).reply).toContain("faction 166: 25 -> 2900");
    // ServerReputationUpdate carries the change the client adds, not the new standing.
    await client.waitFor("ServerReputationUpdate", (u) => u.value === 2875);
    client.send(ClientQuestAccept, { itemLocation, questId: 5001 });
    expect(await client.waitFor("ServerQuestStateChange")).toEqual({ questId: 5001, state: QUEST_STATE.Accepted, randomResultId: 0 });
    client.send(ClientQuestComplete, { questId: 5001, rewardSelection: 0, isCommunique: false });
    expect(await client.waitFor("ServerQuestStateChange")).toEqual({ questId: 5001, state: QUEST_STATE.Completed, randomResultId: 0 });
    expect((await client.waitFor("ServerCombatReward")).newValue).toBe(1500n);
    // The quest's 1,200 XP, told as a quest's (EXP_REASON Quest), and the level it reaches on the shipped curve
    // (4 at 1,320 XP; the kill above took the character to 2).
    expect(await client.waitFor("ServerExperienceGained", (x) => x.reason === EXP_REASON.Quest)).toEqual({
      totalXpGained: 1200,
      restXpAmount: 0,
      signatureXpAmount: 0,
      reason: EXP_REASON.Quest,
      unitTarget: 0,
    });
    expect(await client.waitFor("ServerEntityStatUpdateInteger", (u) => u.stat === STAT.Level && u.value !== 2)).toMatchObject({ value: 4 });
    expect(await client.waitFor("ServerReputationUpdate", (u) => u.factionId === 166)).toEqual({ factionId: 166, value: 250 });
    expect(reputationLevel(t.world.services.scale, 3150).name).toBe("friendly");
    expect(await client.waitFor("ServerTitleUpdate")).toEqual({ titleId: 1003, alreadyOwned: false, revoked: false });
    expect((await client.waitFor("ServerChat", (m) => m.text.startsWith("Title unlocked"))).text).toBe("Title unlocked: Friend of the Dominion");
  });

  it("a quest id no quest can have (0) is refused with a short line, not the validator's text, which the log keeps", async () => {
    client.send(ClientQuestAccept, { itemLocation, questId: 0 });
    const refused = await refusal(client);
    expect(refused).toMatchObject({ code: "INVALID_INPUT", message: "That request is not valid." });
    const logged = t.logged("refused: ").at(-1);
    expect(logged).toMatchObject({ packet: "ClientQuestAccept", code: "INVALID_INPUT", details: { issues: [expect.objectContaining({ path: ["questId"] })] } });
    expect(String(logged?.msg)).toContain("questId");
  });

  it("completing the quest again is refused and pays nothing", async () => {
    client.send(ClientQuestComplete, { questId: 5001, rewardSelection: 0, isCommunique: false });
    expect((await refusal(client)).code).toBe("ALREADY_DONE");
    expect(await getGold(t.db, { characterId: p.characterId })).toBe(1500n);
  });

  it("at friendly, vendor 8001 sells at 5% off and deducts exactly that", async () => {
    const unitId = await openVendor(client, t.data, 8001);
    const window = await client.waitFor("ServerVendorItemsUpdated");
    expect(window).toMatchObject({ unitId, sellPriceMultiplier: 1, buyPriceMultiplier: Math.fround(0.95), unknown2: true, unknown3: true, unknown4: false });
    expect(window.items.map((i) => [i.stockUniqueId, i.itemId])).toEqual([
      [1, 30001],
      [2, 30002],
      [3, 30003],
    ]);
    const items = await client.waitFor("ServerVendorItems");
    expect(items.discountPercent).toBe(5);
    expect(items.items.find((i) => i.itemId === 30001)).toEqual({ stockUniqueId: 1, itemId: 30001, basePrice: 1000n, price: 950n });
    client.send(ClientVendorPurchase, { stockUniqueId: 1, purchaseQuantity: 1 });
    expect((await client.waitFor("ServerCombatReward")).newValue).toBe(550n);
    expect(await client.waitFor("ServerInventoryUpdate")).toEqual({ itemId: 30001, count: 1 });
    expect(await getGold(t.db, { characterId: p.characterId })).toBe(550n);
    expect(await getItemCount(t.db, { characterId: p.characterId, itemId: 30001 })).toBe(1);
  });

  it("a purchase names the stock entry, not the item: an item id as stock entry id is refused and changes nothing", async () => {
    client.send(ClientVendorPurchase, { stockUniqueId: 30001, purchaseQuantity: 1 });
    const refused = await refusal(client);
    expect(refused.code).toBe("NOT_FOUND");
    expect(refused.message).toContain("stock entry 30001");
    expect(await getGold(t.db, { characterId: p.characterId })).toBe(550n);
    expect(await getItemCount(t.db, { characterId: p.characterId, itemId: 30001 })).toBe(1);
  });

  it("a quantity of 0 or over 1,000 is refused with a short player-facing message, the log keeps the details, and nothing changes", async () => {
    for (const purchaseQuantity of [0, 1001]) {
      client.send(ClientVendorPurchase, { stockUniqueId: 1, purchaseQuantity });
      const refused = await refusal(client);
      expect(refused.code).toBe("INVALID_INPUT");
      expect(refused.message).toBe("You can buy 1 to 1000 at a time.");
      const logged = t.logged("refused: ").at(-1);
      expect(logged).toMatchObject({
        packet: "ClientVendorPurchase",
        code: "VENDOR_QUANTITY_INVALID",
        details: { quantity: purchaseQuantity, min: 1, max: 1000 },
      });
    }
    expect(await getGold(t.db, { characterId: p.characterId })).toBe(550n);
    expect(await getItemCount(t.db, { characterId: p.characterId, itemId: 30001 })).toBe(1);
  });

  it("buying without the gold is refused and changes nothing", async () => {
    client.send(ClientVendorPurchase, { stockUniqueId: 3, purchaseQuantity: 1 });
    expect((await refusal(client)).code).toBe("INSUFFICIENT_FUNDS");
    expect(await getGold(t.db, { characterId: p.characterId })).toBe(550n);
    expect(await getItemCount(t.db, { characterId: p.characterId, itemId: 30003 })).toBe(0);
  });

  it("GM achievement and path commands unlock their titles; grant and revoke work", async () => {
    expect((await gm(client, "!achievement 500")).reply).toContain("titles 2001");
    expect(await client.waitFor("ServerTitleUpdate", (u) => u.titleId === 2001)).toMatchObject({ revoked: false });
    expect((await gm(client, "!path explorer 30")).reply).toContain("titles 4001");
    expect((await gm(client, "!title grant 9001")).reply).toContain("granted title 9001");
    expect((await gm(client, "!title revoke 9001")).reply).toContain("revoked title 9001");
    expect(await client.waitFor("ServerTitleUpdate", (u) => u.titleId === 9001 && u.revoked)).toMatchObject({ revoked: true });
    expect((await gm(client, "!rep 99999 5")).refused).toBe("INVALID_INPUT");
    expect((await gm(client, "!frobnicate")).refused).toBe("INVALID_INPUT");
  });
});

describe("achievements and path progress award reputation, once", () => {
  it("achievement 501 gives +100 Exiles once; soldier level 10 gives its reward once, on the way up", async () => {
    const p = await t.player({ role: "gm" });
    const { client } = await t.inWorld(p);
    expect((await gm(client, "!achievement 501")).reply).toBe("granted achievement 501");
    expect(await client.waitFor("ServerAchievementUpdate")).toMatchObject({ deleted: false, achievements: [{ achievementId: 501 }] });
    expect(await client.waitFor("ServerReputationUpdate")).toEqual({ factionId: 167, value: 100 });
    expect((await gm(client, "!achievement 501")).reply).toBe("already has achievement 501");
    expect((await gm(client, "!path soldier 12")).reply).toBe("soldier level 0 -> 12; level rewards 10");
    expect(await client.waitFor("ServerReputationUpdate", (u) => u.factionId === 166)).toEqual({ factionId: 166, value: 150 });
    expect(await client.waitFor("ServerReputationUpdate", (u) => u.factionId === 167)).toEqual({ factionId: 167, value: 150 });
    expect((await gm(client, "!path soldier 20")).reply).toBe("soldier level 12 -> 20");
    expect(await getReputations(t.db, { characterId: p.characterId })).toEqual([
      { factionId: 166, standing: 150 },
      { factionId: 167, standing: 250 },
    ]);
    expect(client.pending("ServerReputationUpdate")).toEqual([]);
  });
});

describe("active titles and GM permissions", () => {
  it("setting a title shows it to a second player who sees the setter, not to one out of sight in its zone", async () => {
    const setter = await t.player({ zoneId: 7 });
    await grantTitle(t.db, { ...(await testActionOptions()), accountId: setter.accountId, titleId: 1002, source: "reputation" });
    const { client } = await t.inWorld(setter);
    const { client: neighbour } = await t.inWorld(await t.player({ zoneId: 8 }));
    const far = await t.player({ zoneId: 7, position: { x: 500, y: 0, z: 0 } });
    const { client: faraway } = await t.inWorld(far);
    client.send(ClientTitleSet, { titleId: 1002 });
    // ServerTitleSet names the setter's unit (its id on the map, not its character id).
    const unitId = client.unitId!;
    expect(await neighbour.waitFor("ServerTitleSet", (s) => s.unitId === unitId)).toEqual({ unitId, titleId: 1002 });
    expect(await client.waitFor("ServerTitleSet", (s) => s.titleId === 1002)).toEqual({ unitId, titleId: 1002 });
    // The broadcast went out before the setter's own copy. A round trip of faraway's own
    // (clearing its title is shown to those who see it, itself included) arrives after anything sent to it before.
    faraway.send(ClientTitleSet, { titleId: 0 });
    await faraway.waitFor("ServerTitleSet", (s) => s.unitId === faraway.unitId);
    expect(faraway.pending("ServerTitleSet").filter((s) => (s.value as { unitId: number }).unitId === unitId)).toEqual([]);
  });

  it("setting a title the account does not own is refused, and the session goes on", async () => {
    const { client } = await t.inWorld();
    client.send(ClientTitleSet, { titleId: 1001 });
    expect(await refusal(client)).toMatchObject({ code: "NOT_OWNED", requestOpcode: 0x078e });
    client.send(ClientTitleSet, { titleId: 0 });
    expect((await client.waitFor("ServerTitleSet", (s) => s.titleId === 0)).titleId).toBe(0);
  });

  it("a player using a GM command is refused and nothing changes", async () => {
    const p = await t.player();
    const { client } = await t.inWorld(p);
    expect(await gm(client, "!rep 166 5000")).toMatchObject({ refused: "FORBIDDEN" });
    expect(await getReputations(t.db, { characterId: p.characterId })).toEqual([]);
    expect(t.logged("GM command refused").length).toBeGreaterThan(0);
  });
});
