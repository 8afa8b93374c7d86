import { listCharacters } from "@bezgelor/db";
import { CHARACTER_CREATE_RESULT, ClientCharacterCreate, LOGOUT_REASON } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import { startTestWorld } from "./support/world";

describe("shutdown with clients connected", () => {
  it("finishes every packet already received, tells players, and loses nothing", async () => {
    const t = await startTestWorld({ shutdownGraceSeconds: 10 }, { queryDelayMs: 5 });
    try {
      const { client: playing } = await t.inWorld();
      const creator = await t.player();
      const client = await t.connect();
      await client.login(creator);
      const letters = (n: number) => [...String(n)].map((d) => "abcdefghij"[Number(d)]).join("");
      const names = Array.from({ length: 8 }, (_, i) => `Drain${String.fromCharCode(97 + i)}${letters(creator.accountId)}`);
      client.sendRaw(
        Buffer.concat(names.map((name) => client.encode(ClientCharacterCreate, { characterCreationId: 1, name, path: 0, customisations: [], bones: [] }))),
      );
      // Stop in the first event-loop turn after the server queued the packets, before they are handled.
      const session = t.world.sessions.ofAccount(creator.accountId);
      for (let turns = 0; (session?.inFlight ?? 0) === 0 && turns < 100_000; turns += 1) await new Promise((r) => setImmediate(r));
      const inFlightAtShutdown = session?.inFlight ?? 0;
      await t.world.shutdown("test shutdown");
      expect(inFlightAtShutdown).toBeGreaterThan(1);
      // Everything the server wrote arrives before its FIN.
      await expect(client.closed).resolves.toMatchObject({ code: "DISCONNECTED" });
      // The player is told why: the server logged the character out as it shut down.
      await expect(playing.closed).resolves.toMatchObject({
        code: "DISCONNECTED",
        message: "the server closed the connection (logged out by the server: WorldServerConnectionLost, reason 15)",
      });

      const results = client.log.filter((p) => p.name === "ServerCharacterCreate");
      expect(results.map((p) => (p.value as { result: number }).result)).toEqual(names.map(() => CHARACTER_CREATE_RESULT.CreateOk));
      const stored = await listCharacters(t.db, { accountId: creator.accountId });
      expect(stored.map((c) => c.name).sort()).toEqual([creator.characterName, ...names].sort());
      expect(playing.log.at(-1)).toMatchObject({ name: "ServerLogout", value: { requested: false, reason: LOGOUT_REASON.WorldServerConnectionLost } });
    } finally {
      await t.close();
    }
  });
});
