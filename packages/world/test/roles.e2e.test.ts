import { getReputations, setAccountRole } from "@bezgelor/db";
import { CHAT_CHANNEL_TYPE } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { chatPieces } from "../src/game/system-message";
import { GM_COMMANDS } from "../src/gm/commands/index";
import { gm } from "./support/gm";
import { startTestWorld, type TestPlayer, type TestWorld } from "./support/world";

let t: TestWorld;
let speaker: { player: TestPlayer; client: HeadlessClient };
let listener: HeadlessClient;
beforeAll(async () => {
  t = await startTestWorld();
  speaker = await t.inWorld(await t.player({ role: "gm", zoneId: 7 }));
  ({ client: listener } = await t.inWorld(await t.player({ zoneId: 7 })));
});
afterAll(() => t.close());

/** The speaker says `text`; returns the GM flag the listener sees on it. */
async function gmFlagOf(text: string): Promise<boolean> {
  speaker.client.say(text);
  const heard = await listener.waitFor("ServerChat", (c) => c.text === text);
  return heard.gm;
}

describe("a role change applies to an online player at once", () => {
  it("demoting a GM online removes the commands at the next request and the chat GM flag with its event; promoting gives them back", async () => {
    expect(await gmFlagOf("as a gm")).toBe(true);
    await setAccountRole(t.db, { email: speaker.player.email, role: "player" });
    // Commands read the role where they are used: refused at once, without waiting for the event.
    expect(await gm(speaker.client, "!rep add 166 1")).toMatchObject({ refused: "FORBIDDEN" });
    // The GM flag on chat lines follows the account.role-changed event (no read per chat line).
    await t.world.services.events.flush();
    expect(await gmFlagOf("demoted")).toBe(false);
    const playerHelp = (await gm(speaker.client, "!help")).reply;
    expect(playerHelp).toContain("!redeem");
    expect(playerHelp).not.toContain("!rep");
    await setAccountRole(t.db, { email: speaker.player.email, role: "admin" });
    await t.world.services.events.flush();
    expect(await gmFlagOf("promoted")).toBe(true);
    const adminHelp = await gm(speaker.client, "!help");
    expect(adminHelp.reply).toContain("!rep");
    // An admin's list is longer than one ServerChat: it comes in pieces, in order, and none is cut off.
    const expected = GM_COMMANDS.map((c) => `${c.usage}: ${c.summary}`).join("\n");
    expect(chatPieces(expected).length).toBeGreaterThan(1);
    const rest = [];
    for (let i = 1; i < chatPieces(expected).length; i++) {
      rest.push(await speaker.client.waitFor("ServerChat", (m) => m.channel.type === CHAT_CHANNEL_TYPE.Debug));
    }
    const whole = [adminHelp.reply, ...rest.map((m) => m.text)].join("\n");
    expect(whole).toBe(expected);
    expect(whole).not.toContain("…");
  });
});

describe("GM commands with unexpected extra arguments", () => {
  it("answer with their usage and change nothing", async () => {
    const { player, client } = await t.inWorld(await t.player({ role: "admin" }));
    for (const [command, usage] of [
      ["!rep 166 25 now", "usage: !rep <factionId> <amount>"],
      ["!kill 12345 12345", "usage: !kill <creatureId>"],
      ["!petxp 10 more", "usage: !petxp <amount>"],
      ["!title grant 9001 twice", "usage: !title grant|revoke"],
      ["!achievement 500 501", "usage: !achievement <achievementId>"],
      ["!path soldier 10 11", "usage: !path <"],
      ["!help me", "usage: !help"],
      ["!inventory all", "usage: !inventory"],
      ["!ledger 5 10", "usage: !ledger [limit]"],
      ["!store 1 all premium extra", "usage: !store [page]"],
      ["!store_sync now", "usage: !store_sync"],
    ]) {
      await expect(gm(client, command!), command).resolves.toMatchObject({ refused: "INVALID_INPUT", message: expect.stringContaining(usage!) });
    }
    expect(await getReputations(t.db, { characterId: player.characterId })).toEqual([]);
    expect((await gm(client, "!rep 166 25")).reply).toContain("faction 166: 0 -> 25");
  });
});
