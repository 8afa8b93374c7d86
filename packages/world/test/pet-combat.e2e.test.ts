// Issue 14's pet auto-combat over TCP with two clients and the test clock: a summoned combat pet
// joins its owner's fight on the world step, strikes the owner's target on its interval (the
// genuine ServerSpellStart/ServerSpellGo, seen by the other player), its kill counts for the owner
// (XP, reputation) and gives it 10 % of the XP; it follows again when the target dies, stops when
// the owner walks out of its range and when it is dismissed.
import { awardPetXp, listCharacterPets } from "@bezgelor/db";
import { testActionOptions } from "@bezgelor/db/testing";
import { ENTITY_TYPE, EXP_REASON, STAT } from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HeadlessClient } from "../src/client/headless-client";
import { spawnOf, unitOf } from "./support/creatures";
import { gm } from "./support/gm";
import { startTestWorld, type TestWorld } from "./support/world";

let t: TestWorld;
beforeAll(async () => {
  // The tests step the world themselves; the timer's own steps would come at the same clock times.
  t = await startTestWorld({}, { world: { tickMilliseconds: 10_000 } });
});
afterAll(() => t.close());

const settle = () => new Promise((r) => setTimeout(r, 150));

/** The shipped combat pet 2001 (pets.json): 10 + 2 × level damage every 2 s, Spell4 30101, effect 40101, range 8 m. */
const PET = { id: 2001, creatureId: 63001, spell4Id: 30101, effectId: 40101, intervalMs: 2000 };
/** The shipped starter basic attack, first in the Ability bag. */
const ATTACK_BAG_INDEX = 0;
/** The basic attack's global cooldown (spells.json), ms: the test clock moves this far between the owner's casts. */
const GCD_MS = 1000;

/** A level-10 GM Exile standing `metres` from a spawn (along x), in the world. */
async function nextTo(creatureId: number, metres = 3) {
  const at = spawnOf(t, creatureId).position;
  const who = await t.player({ role: "gm", faction: 167, worldId: 426, position: { x: at.x - metres, y: at.y, z: at.z } });
  await t.db.character.update({ where: { id: who.characterId }, data: { level: 10 } });
  return t.inWorld(who);
}

async function ok(client: HeadlessClient, command: string): Promise<void> {
  const outcome = await gm(client, command);
  expect(outcome.refused, `${command}: ${outcome.message}`).toBeUndefined();
}

/** Unlocks and summons pet 2001 for `owner`; returns the pet's unit id as `viewer` sees it. */
async function summonPet(owner: HeadlessClient, viewer: HeadlessClient): Promise<number> {
  await ok(owner, `!pet unlock combat ${PET.id}`);
  await ok(owner, `!pet summon combat ${PET.id}`);
  const created = await viewer.waitFor(
    "ServerEntityCreate",
    (v) => v.entity.type === ENTITY_TYPE.Pet && "ownerId" in v.entity && v.entity.ownerId === owner.unitId && v.entity.creatureId === PET.creatureId,
  );
  return created.unitId;
}

/** The next strike `client` sees the pet make: its ServerSpellStart and the damage of its ServerSpellGo. */
async function petStrike(client: HeadlessClient, pet: number) {
  const start = await client.waitFor("ServerSpellStart", (v) => v.casterId === pet);
  const go = await client.waitFor("ServerSpellGo", (v) => v.castingId === start.castingId);
  const target = go.targets[0]!;
  const effect = target.effects[0]!;
  if (effect.info.type !== 1) throw new Error("no damage in the pet's ServerSpellGo");
  return { start, target: target.unitId, effectId: effect.spell4EffectId, damage: effect.info.damage };
}

/** How many strikes by `pet` the client has been sent so far. */
const strikesSeen = (client: HeadlessClient, pet: number) => client.log.filter((p) => p.name === "ServerSpellStart" && p.value.casterId === pet).length;

/** The server's fight of the character's pet (its state, level, and whether a kill is being written). */
const petFight = (characterId: number) => t.world.services.world.companionOf(characterId, "pet")?.fight;
const petState = (characterId: number) => petFight(characterId)?.state;

describe("pet auto-combat over TCP", () => {
  it("the pet joins its owner's fight, strikes on its interval (not faster), the other sees it, and its kill counts for the owner with 10 % XP to the pet", async () => {
    const { client: a, player } = await nextTo(12346);
    const { client: b } = await nextTo(12346, 6);
    const scout = await unitOf(t, a, 12346);
    expect(await unitOf(t, b, 12346)).toBe(scout);
    const pet = await summonPet(a, b);
    expect(petState(player.characterId)).toEqual({ kind: "following" });

    // The owner, level 10 against the level-10 scout (1500 health), hits for 140: ten hits leave 100.
    a.select(scout);
    for (let i = 0; i < 10; i++) {
      if (i > 0) t.advance(GCD_MS);
      a.cast(ATTACK_BAG_INDEX);
      await a.waitFor("ServerSpellGo");
    }
    await b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === scout && v.health === 100);
    await t.tick();
    expect(petState(player.characterId)).toMatchObject({ kind: "combat", targetId: scout });

    // The first strike comes one interval after joining, not before.
    t.advance(PET.intervalMs - 1);
    await t.tick();
    await settle();
    expect(strikesSeen(a, pet) + strikesSeen(b, pet)).toBe(0);
    t.advance(1);
    await t.tick();
    for (const client of [a, b]) {
      const strike = await petStrike(client, pet);
      expect(strike.start).toMatchObject({ spell4Id: PET.spell4Id, casterId: pet, primaryTargetId: scout, userInitiatedSpellCast: false });
      expect(strike.target).toBe(scout);
      expect(strike.effectId).toBe(PET.effectId);
      // A level-1 pet: 10 + 1 × 2.
      expect(strike.damage).toMatchObject({ rawDamage: 12, rawScaledDamage: 12, adjustedDamage: 12, killedTarget: false });
    }
    await expect(b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === scout && v.health < 100)).resolves.toEqual({
      unitId: scout,
      health: 88,
      dead: false,
    });

    // Half an interval later nothing; a whole one, the next strike.
    t.advance(PET.intervalMs / 2);
    await t.tick();
    await settle();
    expect(strikesSeen(b, pet)).toBe(1);
    let health = 88;
    while (health > 0) {
      t.advance(PET.intervalMs / 2);
      await t.tick();
      const strike = await petStrike(b, pet);
      const before = health;
      health = Math.max(0, before - 12);
      expect(strike.damage).toMatchObject({ adjustedDamage: Math.min(12, before), killedTarget: health === 0 });
      await expect(b.waitFor("ServerEntityHealthUpdate", (v) => v.unitId === scout && v.health < before)).resolves.toMatchObject({ health });
      t.advance(PET.intervalMs / 2);
    }
    // 88 health at 12 a strike: 8 more strikes, 9 in all, each seen by both players.
    expect(strikesSeen(b, pet)).toBe(9);
    await settle();
    expect(strikesSeen(a, pet)).toBe(9);
    expect(await b.waitFor("ServerEntityDeathState", (v) => v.unitId === scout)).toEqual({ unitId: scout, dead: true, reason: 0, rezHealth: 0 });

    // The kill is the owner's: the scout's 120 XP and +25 with the Exiles; the pet gets 12.
    expect(await a.waitFor("ServerExperienceGained")).toEqual({
      totalXpGained: 120,
      restXpAmount: 0,
      signatureXpAmount: 0,
      reason: EXP_REASON.KillCreature,
      unitTarget: 0,
    });
    expect(await a.waitFor("ServerReputationUpdate", (v) => v.factionId === 167)).toEqual({ factionId: 167, value: 25 });
    await expect(a.waitFor("ServerPetXp")).resolves.toEqual({ petId: PET.id, gained: 12, xp: 12, level: 1, xpIntoLevel: 12, xpToNextLevel: 88 });
    expect(b.pending("ServerExperienceGained")).toEqual([]);
    await expect(t.db.character.findUniqueOrThrow({ where: { id: player.characterId } })).resolves.toMatchObject({ xp: 120 });
    await expect(t.db.characterReputation.findFirstOrThrow({ where: { characterId: player.characterId, factionId: 167 } })).resolves.toMatchObject({
      standing: 25,
    });
    await expect(listCharacterPets(t.db, { characterId: player.characterId, kind: "pet", petId: PET.id })).resolves.toMatchObject([{ xp: 12, level: 1 }]);
    expect(t.logged("creature killed by pet")).toContainEqual(expect.objectContaining({ characterId: player.characterId, creatureId: 12346, petXp: 12 }));

    // The target is dead: the pet follows its owner again and strikes no more.
    expect(petState(player.characterId)).toEqual({ kind: "following" });
    t.advance(PET.intervalMs * 2);
    await t.tick();
    await settle();
    expect(strikesSeen(b, pet)).toBe(9);
    await Promise.all([a.close(), b.close()]);
  });

  it("the pet stops when its owner walks out of its range, fights again back in range, and stops for good when dismissed", async () => {
    const { client: a, player } = await nextTo(12347);
    const { client: b } = await nextTo(12347, 6);
    const girrok = await unitOf(t, a, 12347);
    const pet = await summonPet(a, b);
    // Level 2 while out: it hits for 10 + 2 × 2 from then on.
    await ok(a, "!petxp 100");
    expect(petFight(player.characterId)?.level).toBe(2);
    a.select(girrok);
    a.cast(ATTACK_BAG_INDEX);
    await a.waitFor("ServerSpellGo");
    await t.tick();
    expect(petState(player.characterId)).toMatchObject({ kind: "combat", targetId: girrok });
    t.advance(PET.intervalMs);
    await t.tick();
    expect((await petStrike(b, pet)).damage).toMatchObject({ rawDamage: 14, adjustedDamage: 14 });

    // 15 m from the Girrok: beyond the pet's 8 m (it stands where its owner does).
    const at = spawnOf(t, 12347).position;
    a.move({ x: at.x - 15, y: at.y, z: at.z });
    await b.waitFor("ServerEntityCommand", (v) => v.unitId === a.unitId);
    await t.tick();
    expect(petState(player.characterId)).toEqual({ kind: "following" });
    t.advance(PET.intervalMs * 2);
    await t.tick();
    await settle();
    expect(strikesSeen(b, pet)).toBe(1);

    // Back within range while the owner is still in combat (the Girrok was hit 4 s ago): the pet joins again, one interval later.
    a.move({ x: at.x - 3, y: at.y, z: at.z });
    await b.waitFor("ServerEntityCommand", (v) => v.unitId === a.unitId);
    await t.tick();
    expect(petState(player.characterId)).toMatchObject({ kind: "combat", targetId: girrok });
    t.advance(PET.intervalMs);
    await t.tick();
    await petStrike(b, pet);
    expect(strikesSeen(b, pet)).toBe(2);

    // Dismissed: gone, and no strike follows.
    await ok(a, "!pet dismiss");
    await b.waitFor("ServerEntityDestroy", (v) => v.unitId === pet);
    expect(petState(player.characterId)).toBeUndefined();
    t.advance(PET.intervalMs * 2);
    await t.tick();
    await settle();
    expect(strikesSeen(b, pet)).toBe(2);
    await Promise.all([a.close(), b.close()]);
  });

  it("a kill the pet lands while the database is down is logged and not credited; the pet waits for it, and the world goes on", async () => {
    // The Girrok the tests before fought stays as they left it on its kept map: past its 60 s respawn (and the combat timeout) it is whole.
    t.advance(60_000);
    await t.tick();
    const { client: a, player } = await nextTo(12347);
    const { client: b } = await nextTo(12347, 6);
    const girrok = await unitOf(t, a, 12347);
    const pet = await summonPet(a, b);
    // Level 10 against the level-8 Girrok (900 health): 154 a hit, five leave 130, eleven pet strikes of 12.
    a.select(girrok);
    for (let i = 0; i < 5; i++) {
      if (i > 0) t.advance(GCD_MS);
      a.cast(ATTACK_BAG_INDEX);
      await a.waitFor("ServerSpellGo");
    }
    await t.tick();
    for (let i = 0; i < 10; i++) {
      t.advance(PET.intervalMs);
      await t.tick();
      await petStrike(b, pet);
    }
    t.outage.down = true;
    try {
      t.advance(PET.intervalMs);
      const step = t.tick();
      // The killing strike is shown at once; the pet makes no move while its kill is being written.
      expect(petFight(player.characterId)).toMatchObject({ state: { kind: "following" }, busy: true });
      await step;
      expect(petFight(player.characterId)?.busy).toBe(false);
    } finally {
      t.outage.down = false;
    }
    expect((await petStrike(b, pet)).damage).toMatchObject({ adjustedDamage: 10, killedTarget: true });
    expect(t.logged("could not credit the pet's kill")).toContainEqual(
      expect.objectContaining({ characterId: player.characterId, creatureId: 12347, petId: PET.id }),
    );
    await expect(t.db.character.findUniqueOrThrow({ where: { id: player.characterId } })).resolves.toMatchObject({ xp: 0 });
    // The world goes on: the next steps run, and the owner can still be answered.
    t.advance(PET.intervalMs);
    await t.tick();
    await expect(gm(a, "!pet dismiss")).resolves.toMatchObject({ reply: "pet dismissed" });
    await Promise.all([a.close(), b.close()]);
  });
});

describe("pet XP from outside the world server (the CLI, another service)", () => {
  it("reaches the pet that is out as the owner's own would: ServerPetXp and ServerPetLevelUp, the pet unit's new level to all who see it, its damage", async () => {
    const { client: a, player } = await nextTo(12346);
    const { client: b } = await nextTo(12346, 6);
    const pet = await summonPet(a, b);
    expect(petFight(player.characterId)?.level).toBe(1);
    const opts = await testActionOptions({ actor: { kind: "admin", name: "cli" } });
    await awardPetXp(t.db, { ...opts, characterId: player.characterId, petId: PET.id, amount: 100, source: "admin" });
    await expect(a.waitFor("ServerPetXp")).resolves.toMatchObject({ petId: PET.id, gained: 100, xp: 100, level: 2 });
    await expect(a.waitFor("ServerPetLevelUp")).resolves.toEqual({ petId: PET.id, level: 2 });
    // The pet's Level stat, as a player's new level is shown (ServerEntityStatUpdateInteger), to the owner and the other.
    for (const client of [a, b]) {
      await expect(client.waitFor("ServerEntityStatUpdateInteger", (u) => u.unitId === pet)).resolves.toEqual({ unitId: pet, stat: STAT.Level, value: 2 });
    }
    // Its strikes use the new level, and a player coming into sight sees it at level 2.
    expect(petFight(player.characterId)?.level).toBe(2);
    const { client: c } = await nextTo(12346, 9);
    const seen = await c.waitFor("ServerEntityCreate", (v) => v.entity.type === ENTITY_TYPE.Pet && "ownerId" in v.entity && v.entity.ownerId === a.unitId);
    expect(seen.stats).toContainEqual({ stat: STAT.Level, value: { type: 0, value: 2 } });
    // XP that raises no level tells the owner, and nobody is sent a level.
    await awardPetXp(t.db, { ...opts, characterId: player.characterId, petId: PET.id, amount: 5, source: "admin" });
    await expect(a.waitFor("ServerPetXp", (v) => v.xp === 105)).resolves.toMatchObject({ level: 2, gained: 5 });
    await settle();
    expect(b.pending("ServerEntityStatUpdateInteger")).toEqual([]);
    await Promise.all([a.close(), b.close(), c.close()]);
  });
});
