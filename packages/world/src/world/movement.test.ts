import { ENTITY_COMMAND } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import { applyClientCommands, refillBudget, standingAt, type EntityCommandValue, type MovementContext } from "./movement";

const limits = { maxSpeed: 10, burstSeconds: 2 };
const ctx = (over: Partial<MovementContext> = {}): MovementContext => ({
  current: standingAt({ x: 100, y: 0, z: 100 }, 0),
  budget: 20,
  limits,
  canStandOn: (id) => id === 7,
  ...over,
});
const to = (x: number, y = 0, z = 100): EntityCommandValue => ({ command: ENTITY_COMMAND.SetPosition, position: { x, y, z }, blend: false });

describe("movement rules", () => {
  it("applies position, rotation, velocity, move, state, mode and platform together, and spends the distance", () => {
    const out = applyClientCommands(
      [
        { command: ENTITY_COMMAND.SetTime, time: 5 },
        to(112),
        { command: ENTITY_COMMAND.SetRotation, rotation: { x: 1.5, y: 0, z: 0 }, blend: false },
        { command: ENTITY_COMMAND.SetVelocity, velocity: { x: 7, y: -30, z: 0 }, blend: false },
        { command: ENTITY_COMMAND.SetMove, move: { x: 0, y: 0, z: 1 }, blend: false },
        { command: ENTITY_COMMAND.SetState, state: 0x41 },
        { command: ENTITY_COMMAND.SetMode, mode: 1 },
        { command: ENTITY_COMMAND.SetPlatform, unitId: 7 },
        { command: ENTITY_COMMAND.SetScale, scale: 9, blend: false },
      ],
      ctx(),
    );
    expect(out).toMatchObject({
      ok: true,
      budget: 8,
      moved: true,
      next: { position: { x: 112 }, rotation: { x: 1.5 }, velocity: { x: 7, y: -30 }, move: { z: 1 }, state: 0x41, mode: 1, platform: 7 },
    });
  });

  it("refuses the whole packet on any bad value, naming it", () => {
    const cases: [EntityCommandValue[], RegExp][] = [
      [[to(Number.NaN)], /not a number/],
      [[to(100, 40000)], /outside the world/],
      [[{ command: ENTITY_COMMAND.SetRotation, rotation: { x: Number.POSITIVE_INFINITY, y: 0, z: 0 }, blend: false }], /not an angle/],
      [[{ command: ENTITY_COMMAND.SetRotation, rotation: { x: 20, y: 0, z: 0 }, blend: false }], /not an angle/],
      [[{ command: ENTITY_COMMAND.SetVelocity, velocity: { x: 11, y: 0, z: 0 }, blend: false }], /velocity 11.0 m\/s is over the 10 m\/s limit/],
      [[{ command: ENTITY_COMMAND.SetVelocity, velocity: { x: 0, y: 500, z: 0 }, blend: false }], /vertical velocity/],
      [[{ command: ENTITY_COMMAND.SetMove, move: { x: 0, y: 0, z: 65504 }, blend: false }], /move/],
      [[{ command: ENTITY_COMMAND.SetState, state: 0x4000 }], /unknown state flags 0x4000/],
      [[{ command: ENTITY_COMMAND.SetMode, mode: 4 }], /unknown mode 4/],
      [[{ command: ENTITY_COMMAND.SetPlatform, unitId: 8 }], /platform 8 is not a unit the mover sees/],
      [[to(101), to(100, 40000)], /outside the world/],
    ];
    for (const [commands, reason] of cases) {
      const out = applyClientCommands(commands, ctx());
      expect(out.ok, String(reason)).toBe(false);
      if (!out.ok) expect(out.reason).toMatch(reason);
    }
  });

  it("holds horizontal travel to the budget; falling is free, rising is not", () => {
    expect(applyClientCommands([to(120)], ctx()).ok).toBe(true);
    const far = applyClientCommands([to(121)], ctx());
    expect(far).toEqual({ ok: false, reason: "moved 21.0 m with 20.0 m allowed at 10 m/s" });
    expect(applyClientCommands([to(100, -500)], ctx())).toMatchObject({ ok: true, budget: 20 });
    expect(applyClientCommands([to(100, 25)], ctx()).ok).toBe(false);
  });

  it("refills the budget at the speed limit, up to the burst", () => {
    expect(refillBudget(0, 500, limits)).toBe(5);
    expect(refillBudget(15, 10_000, limits)).toBe(20);
    expect(refillBudget(3, -50, limits)).toBe(3);
  });
});
