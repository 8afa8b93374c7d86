import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gm } from "./support/gm";
import { nearVendor, openVendor } from "./support/vendors";
import { startTestWorld, type TestWorld } from "./support/world";

describe("with WildStar's genuine reputation scale", () => {
  let t: TestWorld;
  beforeAll(async () => {
    t = await startTestWorld({}, { reputationScale: "wildstar" });
  });
  afterAll(() => t.close());

  it("gates and discounts by its levels: friendly means liked (2,000), at 2% off", async () => {
    const { client } = await t.inWorld(await t.player({ role: "gm", ...nearVendor(t.data, 8001) }));
    expect((await gm(client, "!rep 166 1999")).reply).toContain("(neutral)");
    await openVendor(client, t.data, 8001);
    const liked = t.world.services.scale.levelsByName.get("liked");
    expect(await client.waitFor("ServerVendorRefused")).toEqual({ vendorId: 8001, factionId: 166, requiredLevel: liked?.index });
    expect((await gm(client, "!rep 166 1")).reply).toContain("1999 -> 2000 (liked)");
    expect(await client.waitFor("ServerTitleUpdate")).toEqual({ titleId: 1003, alreadyOwned: false, revoked: false });
    await openVendor(client, t.data, 8001);
    const items = await client.waitFor("ServerVendorItems");
    expect(items.discountPercent).toBe(liked?.discountPercent);
    expect(items.items[0]).toEqual({ stockUniqueId: 1, itemId: 30001, basePrice: 1000n, price: 980n });
  });
});

describe("event titles", () => {
  let t: TestWorld;
  beforeAll(async () => {
    t = await startTestWorld();
  });
  afterAll(() => t.close());

  it("are granted with their expiry, and the client is told the time left", async () => {
    const p = await t.player({ role: "gm" });
    const first = await t.inWorld(p);
    expect((await gm(first.client, "!title grant 6001")).reply).toContain("granted title 6001");
    await first.client.close();
    const again = await t.inWorld(p);
    const titles = (await again.client.waitFor("ServerTitles")).titles;
    const event = titles.find((x) => x.titleId === 6001);
    const thirtyDays = 30 * 24 * 3600;
    expect(event).toMatchObject({ titleId: 6001, inSchedule: true });
    expect(event?.timeRemaining).toBeGreaterThan(thirtyDays - 60);
    expect(event?.timeRemaining).toBeLessThanOrEqual(thirtyDays);
  });
});
