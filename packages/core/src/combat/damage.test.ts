import { buildGameData } from "@bezgelor/data";
import { describe, expect, it } from "vitest";
import { applyDamage, basicAttackDamage, levelDifferenceFactor } from "./damage";
import { ATTACK_REFUSAL, checkAttack, combatTimedOut, respawnDue } from "./attack";

const built = buildGameData({
  spells: [{ id: 1, spell4Id: 2, name: "Swing", kind: "basicAttack", range: 5, effectId: 3, damage: { base: 40, perLevel: 10 } }],
}).spells.require(1);
if (built.kind !== "basicAttack") throw new Error("the test spell is a basic attack");
const spell = built;

describe("basicAttackDamage", () => {
  it("is base + perLevel × level at equal levels", () => {
    expect(basicAttackDamage(spell, 10, { level: 10 })).toEqual({ raw: 140, damage: 140 });
  });

  it("falls 5 % per level below the target and rises 5 % per level above, floored", () => {
    expect(basicAttackDamage(spell, 1, { level: 8 })).toEqual({ raw: 50, damage: 32 });
    expect(basicAttackDamage(spell, 12, { level: 10 })).toEqual({ raw: 160, damage: 176 });
  });

  it("clamps the level factor to [0.5, 1.5] and never deals less than 1", () => {
    expect(levelDifferenceFactor(1, 50)).toBe(0.5);
    expect(levelDifferenceFactor(50, 1)).toBe(1.5);
    expect(basicAttackDamage({ ...spell, damage: { base: 0, perLevel: 0 } }, 1, { level: 50 }).damage).toBe(1);
  });
});

describe("applyDamage", () => {
  it("takes health, never below 0, and reports overkill and the killing blow once", () => {
    expect(applyDamage(100, 30)).toEqual({ health: 70, dealt: 30, overkill: 0, killed: false });
    expect(applyDamage(20, 30)).toEqual({ health: 0, dealt: 20, overkill: 10, killed: true });
    expect(applyDamage(0, 30)).toEqual({ health: 0, dealt: 0, overkill: 30, killed: false });
  });
});

describe("checkAttack and the combat clock", () => {
  it("refuses what cannot be attacked, the dead and the out-of-range, in that order", () => {
    expect(checkAttack({ attackable: false, health: 0, distance: 99 }, 5)).toMatchObject({ ok: false, reason: ATTACK_REFUSAL.NOT_ATTACKABLE });
    expect(checkAttack({ attackable: true, health: 0, distance: 99 }, 5)).toMatchObject({ ok: false, reason: ATTACK_REFUSAL.DEAD });
    expect(checkAttack({ attackable: true, health: 1, distance: 5.01 }, 5)).toMatchObject({ ok: false, reason: ATTACK_REFUSAL.OUT_OF_RANGE, distance: 5.01 });
    expect(checkAttack({ attackable: true, health: 1, distance: 5 }, 5)).toEqual({ ok: true });
  });

  it("leaves combat 10 s after the last hit and respawns after the spawn's seconds", () => {
    expect(combatTimedOut(1000, 10_999)).toBe(false);
    expect(combatTimedOut(1000, 11_000)).toBe(true);
    expect(respawnDue(0, 60, 59_999)).toBe(false);
    expect(respawnDue(0, 60, 60_000)).toBe(true);
  });
});
