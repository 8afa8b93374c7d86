import { describe, expect, it } from "vitest";
import { COOLDOWN_REFUSAL, NO_COOLDOWNS, checkCooldowns, startCooldowns } from "./cooldown";

const attack = { spell4Id: 1, cooldownMs: 0, globalCooldownMs: 1000 };
const strike = { spell4Id: 2, cooldownMs: 5000, globalCooldownMs: 1000 };
const mount = { spell4Id: 3, cooldownMs: 2000, globalCooldownMs: 0 };

describe("checkCooldowns", () => {
  it("allows anything to a caster that has cast nothing", () => {
    for (const spell of [attack, strike, mount]) expect(checkCooldowns(NO_COOLDOWNS, spell, 0)).toEqual({ ok: true });
  });

  it("refuses a spell on the global cooldown until exactly when it ends", () => {
    const after = startCooldowns(NO_COOLDOWNS, attack, 10_000);
    expect(checkCooldowns(after, attack, 10_000)).toEqual({ ok: false, reason: COOLDOWN_REFUSAL.GLOBAL, readyAt: 11_000 });
    expect(checkCooldowns(after, attack, 10_999)).toEqual({ ok: false, reason: COOLDOWN_REFUSAL.GLOBAL, readyAt: 11_000 });
    expect(checkCooldowns(after, attack, 11_000)).toEqual({ ok: true });
    // Another spell on the global cooldown waits too; one off it does not.
    expect(checkCooldowns(after, strike, 10_500)).toMatchObject({ ok: false, reason: COOLDOWN_REFUSAL.GLOBAL });
    expect(checkCooldowns(after, mount, 10_500)).toEqual({ ok: true });
  });

  it("refuses a spell on its own cooldown until exactly when it ends, checked before the global cooldown", () => {
    const after = startCooldowns(NO_COOLDOWNS, strike, 0);
    expect(checkCooldowns(after, strike, 500)).toEqual({ ok: false, reason: COOLDOWN_REFUSAL.SPELL, readyAt: 5000 });
    expect(checkCooldowns(after, strike, 4999)).toEqual({ ok: false, reason: COOLDOWN_REFUSAL.SPELL, readyAt: 5000 });
    expect(checkCooldowns(after, strike, 5000)).toEqual({ ok: true });
    // The global cooldown it started is over long before, and the basic attack has no cooldown of its own.
    expect(checkCooldowns(after, attack, 1000)).toEqual({ ok: true });
  });

  it("keeps one spell's cooldown from blocking another spell", () => {
    const after = startCooldowns(NO_COOLDOWNS, mount, 0);
    expect(checkCooldowns(after, mount, 1999)).toMatchObject({ ok: false, reason: COOLDOWN_REFUSAL.SPELL });
    expect(checkCooldowns(after, { ...mount, spell4Id: 4 }, 1)).toEqual({ ok: true });
    expect(checkCooldowns(after, attack, 1)).toEqual({ ok: true });
  });
});

describe("startCooldowns", () => {
  it("leaves the global cooldown alone for a spell off it, and drops spell cooldowns that are over", () => {
    const first = startCooldowns(startCooldowns(NO_COOLDOWNS, attack, 0), mount, 500);
    expect(first.globalReadyAt).toBe(1000);
    expect([...first.spellReadyAt]).toEqual([[3, 2500]]);
    const later = startCooldowns(first, attack, 2500);
    expect(later).toEqual({ globalReadyAt: 3500, spellReadyAt: new Map() });
    // The input is not changed.
    expect([...first.spellReadyAt]).toEqual([[3, 2500]]);
  });
});
