import type { GameData } from "@bezgelor/data";
import { Opcode } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultCodeName } from "../src/server/result-codes";
import { gm } from "./support/gm";
import { nearVendor, openVendor } from "./support/vendors";
import { startTestWorld, type TestWorld } from "./support/world";

// Issue 8 fault 2: a server packet that fails to encode is the server's error. The client hears
// INTERNAL (or a refusal cut to its field), the log says which packet, and the session goes on.

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

describe("a server packet that cannot be encoded", () => {
  it("a GM typing ! and 1023 characters gets a refusal cut to its field and stays connected", async () => {
    const { client } = await t.inWorld(await t.player({ role: "gm" }));
    const command = `!${"x".repeat(1023)}`;
    const outcome = await gm(client, command);
    expect(outcome.refused).toBe("INVALID_INPUT");
    expect(outcome.message!.length).toBeLessThanOrEqual(1024);
    expect(outcome.message).toMatch(/^unknown command !x+…$/);
    expect(t.logged("protocol violation")).toEqual([]);
    // the session goes on
    expect((await gm(client, "!help")).reply).toContain("!rep");
  });

  it("an oversized value in a handler's reply is INTERNAL to the client, an error naming the packet in the log, and the session goes on", async () => {
    const { client } = await t.inWorld(await t.player(nearVendor(t.data, 8003)));
    // Loading refuses a price past 2^63 - 1, so the bad value is put behind the loader's back,
    // as a bug in the server would: vendor 8003 (no reputation needed) now lists a price past u64.
    const services = t.world.services as { data: GameData };
    const real = services.data;
    const vendor = real.vendors.require(8003);
    const broken = { ...vendor, items: vendor.items.map((line, i) => (i === 0 ? { ...line, price: 2n ** 64n } : line)) };
    const vendors = Object.create(real.vendors, { get: { value: (id: number) => (id === 8003 ? broken : real.vendors.get(id)) } }) as GameData["vendors"];
    services.data = { ...real, vendors };
    try {
      await openVendor(client, t.data, 8003);
      const result = await client.waitFor("ServerRequestResult");
      expect(resultCodeName(result.code)).toBe("INTERNAL");
      expect(result.requestOpcode).toBe(Opcode.ClientEntityInteract);
    } finally {
      services.data = real;
    }
    const errors = t.logs.filter((l) => l.level === 50 && l["packet"] === "ServerVendorItems");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toContain("failed to encode");
    expect(t.logged("protocol violation")).toEqual([]);
    // the session goes on: the same request now succeeds
    await openVendor(client, t.data, 8003);
    expect((await client.waitFor("ServerVendorItems")).vendorId).toBe(8003);
  });
});
