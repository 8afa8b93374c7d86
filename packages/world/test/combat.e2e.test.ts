import { CAST_RESULT, ENTITY_TYPE, EXP_REASON, Opcode, STAT } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { attackNearest } from "../src/cli/commands/bot-attack";
import { resultCodeName } from "../src/server/result-codes";
import { spawnOf, unitOf } from "./support/creatures";
import { gm } from "./support/gm";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

const settle = () => new Promise((r) => setTimeout(r, 150));

/** The shipped starter basic attack (spells.json): Spell4Base 20001, Spell4 30001, first in the Ability bag. */
const ATTACK = { bagIndex: 0, spellId: 20001, spell4Id: 30001 };
/** The basic attack's global cooldown (spells.json), ms: the test clock moves this far between casts. */
const GCD_MS = 1000;

/** A level-`level` Exile standing `metres` from a spawn (along x), in the world. */
async function nextTo(creatureId: number, options: { level?: number; metres?: number; standing167?: number } = {}) {
  const at = spawnOf(t, creatureId).position;
  const who = await t.player({ faction: 167, worldId: 426, position: { x: at.x - (options.metres ?? 3), y: at.y, z: at.z } });
  await t.db.character.update({ where: { id: who.characterId }, data: { level: options.level ?? 1 } });
  if (options.standing167 !== undefined)
    await t.db.characterReputation.create({ data: { characterId: who.characterId, factionId: 167, standing: options.standing167 } });
  return t.inWorld(who);
}

describe("combat over TCP", () => {
  it("entering the world gives the basic attack: its ability item in the Ability bag and the spell list", async () => {
    const { client } = await nextTo(12347);
    const abilities = client.log.find((p) => p.name === "ServerAbilities");
    expect(abilities?.value).toEqual({ spells: [{ spell4BaseId: ATTACK.spellId, tierIndexAchieved: 1, specIndex: 0 }] });
    expect([...client.abilities]).toEqual([[ATTACK.spellId, ATTACK.bagIndex]]);
    const names = client.log.map((p) => p.name);
    expect(names.indexOf("ServerItemAdd")).toBeGreaterThan(names.indexOf("ServerPlayerCreate"));
    // Then the four action bars, NexusForever's way: 48 slots each, the basic attack in set 0 slot 0.
    const sets = client.log.flatMap((p) => (p.name === "ServerActionSet" ? [p.value] : []));
    expect(names.indexOf("ServerActionSet")).toBeGreaterThan(names.indexOf("ServerAbilities"));
    expect(sets.map((s) => [s.index, s.unknown3, s.result, s.actions.length])).toEqual([0, 1, 2, 3].map((index) => [index, 1, 1, 48]));
    expect(sets[0]!.actions[0]).toEqual({ shortcutType: 4, location: { location: 4, bagIndex: 0 }, objectId: ATTACK.spellId });
    expect(sets[0]!.actions[1]).toEqual({ shortcutType: 0, location: { location: 300, bagIndex: 1 }, objectId: 0 });
    expect(sets.slice(1).every((s) => s.actions.every((a, slot) => a.shortcutType === 0 && a.location.bagIndex === slot))).toBe(true);
    await client.close();
  });

  it("a creature attacked to death gives XP, reputation and a title, the other player sees it all, and it respawns", async () => {
    // Level 10 against the level-10 scout: 40 + 10 × 10 = 140 a hit, 11 hits for its 1500 health.
    const { client: a, player } = await nextTo(12346, { level: 10, standing167: 2990 });
    const { client: b } = await nextTo(12346, { metres: 6 });
    const scout = await unitOf(t, a, 12346);
    expect(await unitOf(t, b, 12346)).toBe(scout);
    await b.waitFor("ServerEntityCreate", (v) => v.unitId === a.unitId);

    a.select(scout);
    expect(await b.waitFor("ServerEntityTargetUnit", (v) => v.unitId === a.unitId)).toEqual({ unitId: a.unitId, newTargetId: scout, threatLevel: 0 });
    expect(a.pending("ServerEntityTargetUnit")).toEqual([]);

    const maxHealth = t.data.creatures.require(12346).health!;
    let health = maxHealth;
    let hits = 0;
    while (health > 0) {
      if (hits > 0) t.advance(GCD_MS);
      a.cast(ATTACK.bagIndex);
      const start = await a.waitFor("ServerSpellStart");
      expect(start).toMatchObject({ spell4Id: ATTACK.spell4Id, casterId: a.unitId, primaryTargetId: scout, userInitiatedSpellCast: true });
      const go = await a.waitFor("ServerSpellGo", (v) => v.castingId === start.castingId);
      const target = go.targets[0]!;
      expect(target.unitId).toBe(scout);
      const info = target.effects[0]!.info;
      if (info.type !== 1) throw new Error("no damage in ServerSpellGo");
      expect(info.damage.rawScaledDamage).toBe(140);
      const seen = await b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === scout);
      health = Math.max(0, health - 140);
      expect(seen.health).toBe(health);
      expect(info.damage.adjustedDamage).toBe(hits === 10 ? 100 : 140);
      expect(info.damage.killedTarget).toBe(health === 0);
      // The other player sees the cast too.
      expect((await b.waitFor("ServerSpellGo", (v) => v.castingId === start.castingId)).targets[0]!.unitId).toBe(scout);
      hits++;
    }
    expect(hits).toBe(11);
    // Both entered combat with the first hit (the player and the scout), and the scout left it on dying.
    expect(a.log.filter((p) => p.name === "ServerUnitEnteredCombat").map((p) => p.value)).toEqual([
      { unitId: scout, inCombat: true },
      { unitId: a.unitId, inCombat: true },
      { unitId: scout, inCombat: false },
      { unitId: a.unitId, inCombat: false },
    ]);
    expect(await b.waitFor("ServerEntityDeathState", (v) => v.unitId === scout)).toEqual({ unitId: scout, dead: true, reason: 0, rezHealth: 0 });
    expect(b.units.get(scout)).toMatchObject({ health: 0, dead: true });

    // The kill: XP, the scout's reputation (+25 Exiles, −10 Dominion) and the title Friendly with the Exiles unlocks.
    expect(await a.waitFor("ServerExperienceGained")).toEqual({
      totalXpGained: 120,
      restXpAmount: 0,
      signatureXpAmount: 0,
      reason: EXP_REASON.KillCreature,
      unitTarget: 0,
    });
    expect(await a.waitFor("ServerReputationUpdate", (v) => v.factionId === 167)).toEqual({ factionId: 167, value: 25 });
    expect(await a.waitFor("ServerTitleUpdate")).toMatchObject({ titleId: 1004, revoked: false });
    expect(b.pending("ServerExperienceGained")).toEqual([]);
    await expect(t.db.character.findUniqueOrThrow({ where: { id: player.characterId } })).resolves.toMatchObject({ xp: 120 });
    await expect(t.db.characterReputation.findFirstOrThrow({ where: { characterId: player.characterId, factionId: 167 } })).resolves.toMatchObject({
      standing: 3015,
    });
    await expect(t.db.accountTitle.findFirst({ where: { accountId: player.accountId, titleId: 1004 } })).resolves.not.toBeNull();

    // Dead: another strike is refused.
    t.advance(GCD_MS);
    a.cast(ATTACK.bagIndex);
    expect(await a.waitFor("ServerSpellCastResult")).toEqual({ unknown0: 0, spell4Id: ATTACK.spell4Id, castResult: CAST_RESULT.TargetCannotBeDead });

    // Not yet: the scout respawns 60 s after its death (1 s ago), destroyed and created afresh at full health for both.
    t.advance(58_000);
    await t.tick();
    await settle();
    expect(a.pending("ServerEntityDestroy")).toEqual([]);
    t.advance(1_000);
    await t.tick();
    for (const c of [a, b]) {
      // The corpse of a kill goes with the death animation, unlike a unit that left.
      expect(await c.waitFor("ServerEntityDestroy", (v) => v.unitId === scout)).toMatchObject({ useDeathAnimation: true });
      const again = await c.waitFor("ServerEntityCreate", (v) => v.entity.type === ENTITY_TYPE.NonPlayer && v.entity.creatureId === 12346);
      expect(again.stats.find((s) => s.stat === 0)?.value.value).toBe(maxHealth);
    }
    await a.close();
    await b.close();
  });

  it("a creature left alone leaves combat after 10 s and heals to full", async () => {
    const { client: a } = await nextTo(12347, { level: 1 });
    const girrok = await unitOf(t, a, 12347);
    a.select(girrok);
    a.cast();
    const hit = await a.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === girrok);
    // 40 + 10 at level 1, × (1 − 0.05 × 7) against the level-8 Girrok: 32.
    expect(hit.health).toBe(900 - 32);
    t.advance(9_999);
    await t.tick();
    await settle();
    expect(a.pending("ServerUnitEnteredCombat").filter((p) => p.name === "ServerUnitEnteredCombat" && !p.value.inCombat)).toEqual([]);
    t.advance(1);
    await t.tick();
    expect(await a.waitFor("ServerUnitEnteredCombat", (v) => v.unitId === girrok && !v.inCombat)).toBeDefined();
    expect(await a.waitFor("ServerUnitEnteredCombat", (v) => v.unitId === a.unitId && !v.inCombat)).toBeDefined();
    expect(await a.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === girrok)).toEqual({ unitId: girrok, health: 900, dead: false });
    await a.close();
  });

  it("refuses a cast without a target, on a unit that does not exist, out of range, on a vendor, from an empty slot or for another caster; nobody else is told and nothing changes", async () => {
    const { client: a } = await nextTo(12346, { level: 10 });
    const { client: b } = await nextTo(12346, { metres: 6 });
    const scout = await unitOf(t, a, 12346);
    const girrok = await unitOf(t, a, 12347);
    const trader = [...a.units.values()].find((u) => u.creatureId === 12352)!.unitId;
    const refused = async () => (await a.waitFor("ServerSpellCastResult")).castResult;

    a.cast();
    expect(await refused()).toBe(CAST_RESULT.NoTarget);
    a.select(999_999);
    const missing = await a.waitFor("ServerRequestResult");
    expect({ code: resultCodeName(missing.code), requestOpcode: missing.requestOpcode }).toEqual({
      code: "NOT_FOUND",
      requestOpcode: Opcode.ClientEntitySelect,
    });
    a.cast();
    expect(await refused()).toBe(CAST_RESULT.NoTarget);
    a.select(girrok);
    a.cast();
    expect(await refused()).toBe(CAST_RESULT.TargetRangeMax);
    a.select(trader);
    a.cast();
    expect(await refused()).toBe(CAST_RESULT.TargetIsNotUseable);
    a.select(b.unitId!);
    a.cast();
    expect(await refused()).toBe(CAST_RESULT.TargetIsNotUseable);
    a.select(scout);
    a.cast(7);
    expect(await refused()).toBe(CAST_RESULT.SpellUnknown);
    a.cast(0, b.unitId);
    expect(await refused()).toBe(CAST_RESULT.CasterUnknown);
    await settle();
    expect(t.logged("cast refused: unit").length).toBeGreaterThanOrEqual(3);

    // Nobody was hit or told: no cast, health or combat packets anywhere, and the scout is whole.
    for (const c of [a, b]) {
      for (const name of ["ServerSpellStart", "ServerSpellGo", "ServerEntityHealthUpdate", "ServerUnitEnteredCombat"] as const)
        expect(c.pending(name)).toEqual([]);
    }
    expect(b.units.get(scout)).toMatchObject({ health: 1500, inCombat: false });
    // The same session still fights: the scout is in reach.
    a.cast();
    expect((await b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === scout)).health).toBe(1500 - 140);
    await a.close();
    await b.close();
  });

  it("a cast during the global cooldown is refused with SpellGlobalCooldown and changes nothing for anyone; once it ends the attack strikes again", async () => {
    const { client: a } = await nextTo(12346, { level: 10 });
    const { client: b } = await nextTo(12346, { metres: 6 });
    const scout = await unitOf(t, a, 12346);
    await b.waitFor("ServerEntityCreate", (v) => v.unitId === a.unitId);
    a.select(scout);
    a.cast();
    for (const c of [a, b]) await c.waitFor("ServerSpellGo", (v) => v.targets[0]?.unitId === scout);
    const health = (await b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === scout)).health;
    await a.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === scout);
    await settle();
    const seen = { a: a.log.length, b: b.log.length };

    // 1 ms before the global cooldown ends: refused, only the caster is told, nothing else happens.
    t.advance(GCD_MS - 1);
    a.cast();
    expect(await a.waitFor("ServerSpellCastResult")).toEqual({ unknown0: 0, spell4Id: ATTACK.spell4Id, castResult: CAST_RESULT.SpellGlobalCooldown });
    await settle();
    expect(a.log.slice(seen.a).map((p) => p.name)).toEqual(["ServerSpellCastResult"]);
    expect(b.log.slice(seen.b).map((p) => p.name)).toEqual([]);
    expect(b.units.get(scout)?.health).toBe(health);
    expect(t.logged("cast refused: global cooldown").length).toBeGreaterThanOrEqual(1);
    // The basic attack has no cooldown of its own: no ServerCooldown was ever sent.
    expect(a.log.filter((p) => p.name === "ServerCooldown")).toEqual([]);

    // At exactly the end of the global cooldown it strikes again, for everyone to see.
    t.advance(1);
    a.cast();
    expect((await b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === scout)).health).toBe(health - 140);
    await a.close();
    await b.close();
  });

  it("XP that reaches the next level raises it: the player and who sees it are told, the database keeps it, and the damage follows", async () => {
    const at = spawnOf(t, 12347).position;
    const who = await t.player({ role: "gm", faction: 167, worldId: 426, position: { x: at.x - 3, y: at.y, z: at.z } });
    // Level 2 takes 100 XP (character-levels.json): 99 already, and !kill of an Exile Soldier gives 120.
    await t.db.character.update({ where: { id: who.characterId }, data: { level: 1, xp: 99 } });
    const { client: a } = await t.inWorld(who);
    const { client: b } = await nextTo(12347, { metres: 6 });
    await b.waitFor("ServerEntityCreate", (v) => v.unitId === a.unitId);
    const girrok = await unitOf(t, a, 12347);
    a.select(girrok);
    a.cast();
    // Level 1 against the level-8 Girrok: 50 × 0.65 = 32.
    const before = await b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === girrok);

    expect((await gm(a, "!kill 12345")).refused).toBeUndefined();
    await a.waitFor("ServerExperienceGained");
    const levelUp = { unitId: a.unitId, stat: STAT.Level, value: 2 };
    expect(await a.waitFor("ServerEntityStatUpdateInteger")).toEqual(levelUp);
    expect(await b.waitFor("ServerEntityStatUpdateInteger")).toEqual(levelUp);
    await expect(t.db.character.findUniqueOrThrow({ where: { id: who.characterId } })).resolves.toMatchObject({ level: 2, xp: 219 });

    // Level 2: 60 × 0.7 = 42.
    t.advance(GCD_MS);
    a.cast();
    expect((await b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === girrok)).health).toBe(before.health - 42);
    await a.close();
    await b.close();
  });

  it("bezgelor bot --attack walks to the nearest creature and strikes it until it dies, printing the damage and the XP", async () => {
    // The Girrok the tests before fought stays as they left it on its kept map: past its respawn and combat timeout it is whole.
    t.advance(60_000);
    await t.tick();
    // 12 m from a Girrok (the nearest creature there); level 10 against its level 8: 140 × 1.1 = 154 a hit, 6 hits for 900.
    const { client } = await nextTo(12347, { level: 10, metres: 12 });
    const girrok = await unitOf(t, client, 12347);
    const lines: string[] = [];
    // The test clock stands still: the bot's pauses advance it, as time passes for a real server.
    // Casting every 400 ms, it is refused for the 1 s global cooldown and casts again 100 ms later.
    const report = await attackNearest(client, (line) => lines.push(line), { castIntervalMs: 400, pause: (ms) => Promise.resolve(t.advance(ms)) });
    expect(report).toEqual({ unitId: girrok, creatureId: 12347, hits: 6, damage: 900, killed: true, xp: 80 });
    expect(lines[0]).toBe(`hit creature 12347 (unit ${girrok}) for 154, health 746`);
    expect(lines.at(-1)).toBe(`killed creature 12347 (unit ${girrok}) in 6 hits: +80 XP`);
    // It walked into reach: the server has it within the attack's range.
    const at = spawnOf(t, 12347).position;
    expect(Math.hypot(client.position!.x - at.x, client.position!.z - at.z)).toBeLessThanOrEqual(3);
    await client.close();
  });

  it("a kill by the basic attack gives the combat pet out 10 % of the creature's XP (the same kill path as !kill)", async () => {
    // The bot's Girrok (the test before) stays dead on its kept map until its 60 s respawn.
    t.advance(60_000);
    await t.tick();
    const at = spawnOf(t, 12347).position;
    const who = await t.player({ role: "gm", faction: 167, worldId: 426, position: { x: at.x - 3, y: at.y, z: at.z } });
    await t.db.character.update({ where: { id: who.characterId }, data: { level: 10 } });
    const { client: a } = await t.inWorld(who);
    for (const command of ["!pet unlock combat 2001", "!pet summon combat 2001"]) expect((await gm(a, command)).refused, command).toBeUndefined();
    const girrok = await unitOf(t, a, 12347);
    a.select(girrok);
    for (let killed = false; !killed; t.advance(GCD_MS)) {
      a.cast(ATTACK.bagIndex);
      const answer = await a.waitForAny(["ServerSpellGo", "ServerSpellCastResult"]);
      if (answer.name !== "ServerSpellGo") throw new Error(`cast refused: ${JSON.stringify(answer.value)}`);
      const info = answer.value.targets[0]!.effects[0]!.info;
      if (info.type !== 1) throw new Error("no damage in ServerSpellGo");
      killed = info.damage.killedTarget;
    }
    expect(await a.waitFor("ServerExperienceGained")).toMatchObject({ totalXpGained: 80 });
    // The Girrok's 80 XP: 8 to the pet.
    await expect(a.waitFor("ServerPetXp")).resolves.toEqual({ petId: 2001, gained: 8, xp: 8, level: 1, xpIntoLevel: 8, xpToNextLevel: 92 });
    await a.close();
  });
});
