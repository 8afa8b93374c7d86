import { buildGameData, loadGameData, type Pet } from "@bezgelor/data";
import { describe, expect, it } from "vitest";
import {
  PET_DISMISSED,
  PET_FOLLOWING,
  applyPetXp,
  checkPetNickname,
  petAttacksDue,
  petDamage,
  petLevelForXp,
  petShareOfKillXp,
  petStep,
  petTransition,
  petXpCap,
  petXpProgress,
  type PetState,
} from "../index";

const curve = [
  0, 100, 250, 500, 800, 1200, 1700, 2300, 3000, 3800, 4700, 5700, 6800, 8000, 9300, 10700, 12200, 13800, 15500, 17300, 19200, 21200, 23300, 25500, 27800,
];
const pet: Pet = buildGameData({
  pets: [
    {
      id: 1,
      name: "Pup",
      category: "critter",
      creatureId: 5,
      baseDamage: 10,
      attackInterval: 2,
      attack: { spell4Id: 7, effectId: 8, range: 5 },
      levelCurve: curve,
      unlock: "drop",
    },
  ],
}).pets.require(1);

describe("pet XP curve", () => {
  it("reaches each level exactly at its threshold, not one XP before", () => {
    for (let level = 2; level <= 25; level++) {
      const threshold = curve[level - 1] ?? 0;
      expect(petLevelForXp(pet, threshold)).toBe(level);
      expect(petLevelForXp(pet, threshold - 1)).toBe(level - 1);
    }
    expect(petLevelForXp(pet, 0)).toBe(1);
  });

  it("stops at level 25 and keeps no XP beyond the cap", () => {
    expect(petXpCap(pet)).toBe(27800);
    expect(petLevelForXp(pet, 1_000_000)).toBe(25);
    expect(applyPetXp(pet, 27700, 500)).toEqual({ xp: 27800, gained: 100, fromLevel: 24, toLevel: 25, levelsReached: [25] });
    expect(applyPetXp(pet, 27800, 500)).toEqual({ xp: 27800, gained: 0, fromLevel: 25, toLevel: 25, levelsReached: [] });
    expect(petXpProgress(pet, 27800)).toEqual({ level: 25, xpIntoLevel: 0, xpToNextLevel: null });
  });

  it("lists every level a large gain passes, and the seed's 150 XP is level 2 with 50 into it", () => {
    expect(applyPetXp(pet, 0, 150)).toEqual({ xp: 150, gained: 150, fromLevel: 1, toLevel: 2, levelsReached: [2] });
    expect(petXpProgress(pet, 150)).toEqual({ level: 2, xpIntoLevel: 50, xpToNextLevel: 100 });
    expect(applyPetXp(pet, 90, 720).levelsReached).toEqual([2, 3, 4, 5]);
    expect(applyPetXp(pet, 10, 0)).toMatchObject({ xp: 10, gained: 0, levelsReached: [] });
  });

  it("holds for the shipped pets: every curve reaches 25", async () => {
    const data = await loadGameData();
    for (const shipped of data.pets.all()) expect(petLevelForXp(shipped, petXpCap(shipped))).toBe(25);
  });
});

describe("pet damage and XP share", () => {
  it("hits for baseDamage + level x 2", () => {
    expect(petDamage(pet, 1)).toBe(12);
    expect(petDamage(pet, 25)).toBe(60);
  });

  it("takes 10 % of a kill's XP, rounded down", () => {
    expect(petShareOfKillXp(120)).toBe(12);
    expect(petShareOfKillXp(129)).toBe(12);
    expect(petShareOfKillXp(9)).toBe(0);
    expect(petShareOfKillXp(-5)).toBe(0);
  });
});

describe("pet state machine", () => {
  const combat = (targetId: number, nextAttackAt: number): PetState => ({ kind: "combat", targetId, nextAttackAt });

  it("follows when summoned, fights the owner's target one interval later, and follows again when combat ends", () => {
    const fighting = petTransition(pet, PET_FOLLOWING, { type: "owner-entered-combat", targetId: 7, now: 1000 });
    expect(fighting).toEqual(combat(7, 3000));
    expect(petTransition(pet, fighting, { type: "owner-left-combat" })).toEqual(PET_FOLLOWING);
    expect(petTransition(pet, fighting, { type: "target-died", targetId: 7 })).toEqual(PET_FOLLOWING);
    expect(petTransition(pet, fighting, { type: "target-out-of-range", targetId: 7 })).toEqual(PET_FOLLOWING);
  });

  it("ignores another unit's death, switches target keeping its schedule", () => {
    const fighting = combat(7, 3000);
    expect(petTransition(pet, fighting, { type: "target-died", targetId: 8 })).toBe(fighting);
    expect(petTransition(pet, fighting, { type: "owner-entered-combat", targetId: 8, now: 2500 })).toEqual(combat(8, 3000));
  });

  it("is dismissed from any state and only a summon brings it back", () => {
    expect(petTransition(pet, combat(7, 3000), { type: "dismiss" })).toEqual(PET_DISMISSED);
    expect(petTransition(pet, PET_FOLLOWING, { type: "dismiss" })).toEqual(PET_DISMISSED);
    expect(petTransition(pet, PET_DISMISSED, { type: "owner-entered-combat", targetId: 7, now: 0 })).toEqual(PET_DISMISSED);
    expect(petTransition(pet, PET_DISMISSED, { type: "owner-left-combat" })).toEqual(PET_DISMISSED);
    expect(petTransition(pet, PET_DISMISSED, { type: "summon" })).toEqual(PET_FOLLOWING);
  });

  it("attacks once per interval, catching up a late tick, and never when not fighting", () => {
    expect(petAttacksDue(pet, 3, combat(7, 3000), 2999)).toEqual({ state: combat(7, 3000), attacks: [] });
    expect(petAttacksDue(pet, 3, combat(7, 3000), 3000)).toEqual({ state: combat(7, 5000), attacks: [{ targetId: 7, damage: 16, at: 3000 }] });
    expect(petAttacksDue(pet, 3, combat(7, 3000), 7500).attacks.map((a) => a.at)).toEqual([3000, 5000, 7000]);
    expect(petAttacksDue(pet, 3, PET_FOLLOWING, 10_000).attacks).toEqual([]);
  });
});

describe("pet step (the owner's fight as the pet sees it)", () => {
  const combat = (targetId: number, nextAttackAt: number): PetState => ({ kind: "combat", targetId, nextAttackAt });
  // The test pet reaches 5 m; unit 7 stands 3 m away, 8 is dead, 9 is 5.01 m away, 10 exactly 5 m.
  const units: Record<number, { alive: boolean; distance: number }> = {
    7: { alive: true, distance: 3 },
    8: { alive: false, distance: 1 },
    9: { alive: true, distance: 5.01 },
    10: { alive: true, distance: 5 },
  };
  const at = (ownerTargetId: number, now = 1000, ownerInCombat = true) => ({ ownerInCombat, ownerTargetId, now, targetOf: (id: number) => units[id] });

  it("joins the owner's fight against its selected creature one interval later, only while the owner is in combat", () => {
    expect(petStep(pet, PET_FOLLOWING, at(7))).toEqual(combat(7, 3000));
    expect(petStep(pet, PET_FOLLOWING, at(10))).toEqual(combat(10, 3000));
    expect(petStep(pet, PET_FOLLOWING, at(7, 1000, false))).toEqual(PET_FOLLOWING);
    expect(petStep(pet, PET_FOLLOWING, at(0))).toEqual(PET_FOLLOWING);
  });

  it("does not join against a dead creature, one out of its range, or a unit it cannot attack", () => {
    expect(petStep(pet, PET_FOLLOWING, at(8))).toEqual(PET_FOLLOWING);
    expect(petStep(pet, PET_FOLLOWING, at(9))).toEqual(PET_FOLLOWING);
    expect(petStep(pet, PET_FOLLOWING, at(42))).toEqual(PET_FOLLOWING);
  });

  it("keeps fighting and its schedule while nothing changes; follows when the owner leaves combat", () => {
    const fighting = combat(7, 3000);
    expect(petStep(pet, fighting, at(7, 2000))).toBe(fighting);
    expect(petStep(pet, fighting, at(0, 2000))).toBe(fighting);
    expect(petStep(pet, fighting, at(7, 2000, false))).toEqual(PET_FOLLOWING);
  });

  it("follows when its target dies, is gone or leaves its range, unless the owner has another target in range", () => {
    expect(petStep(pet, combat(8, 3000), at(0))).toEqual(PET_FOLLOWING);
    expect(petStep(pet, combat(42, 3000), at(0))).toEqual(PET_FOLLOWING);
    expect(petStep(pet, combat(9, 3000), at(9))).toEqual(PET_FOLLOWING);
    expect(petStep(pet, combat(8, 3000), at(7, 2000))).toEqual(combat(7, 4000));
  });

  it("switches to the owner's new target keeping its schedule; a dismissed pet never moves", () => {
    expect(petStep(pet, combat(10, 3000), at(7, 2000))).toEqual(combat(7, 3000));
    expect(petStep(pet, PET_DISMISSED, at(7))).toEqual(PET_DISMISSED);
  });
});

describe("pet nicknames", () => {
  it("takes 1 to 20 characters of letters, digits, ' and - with single inner spaces", () => {
    for (const ok of ["F", "Fluffy", "Sir Bark-a-lot", "Ünïcödé 2", "x".repeat(20)]) expect(checkPetNickname(ok)).toEqual({ ok: true, name: ok });
    for (const bad of ["", "x".repeat(21), " Fluffy", "Fluffy ", "Two  spaces", "semi;colon", "tab\tname"]) {
      expect(checkPetNickname(bad)).toEqual({ ok: false, reason: "invalid-name" });
    }
  });
});
