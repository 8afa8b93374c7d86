import { CAST_RESULT, EFFECT_INFO_TYPE, ENTITY_TYPE } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import type { HeadlessClient, Received, SeenUnit } from "../../client/headless-client";
import { outcomeOf } from "../../error-outcomes";
import { WorldError } from "../../errors";
import { attackNearest } from "./bot-attack";

const BOT = 7;
const OTHER = 8;
const PREY = 20;

const start = (casterId: number, castingId: number): Received => ({ name: "ServerSpellStart", value: { casterId, castingId } }) as unknown as Received;
const go = (castingId: number, damage: number, killedTarget: boolean): Received =>
  ({
    name: "ServerSpellGo",
    value: {
      castingId,
      targets: [{ unitId: PREY, effects: [{ info: { type: EFFECT_INFO_TYPE.Damage, damage: { adjustedDamage: damage, killedTarget } } }] }],
    },
  }) as unknown as Received;
const refused = (castResult: number): Received => ({ name: "ServerSpellCastResult", value: { castResult } }) as unknown as Received;

/**
 * A scripted stand-in for the headless client, next to a 300-health creature: its inbox is what
 * the server sent; `onCast` is what the server answers to each cast (and does to the creature).
 */
function scripted(onCast: (cast: number, fake: Fake) => void) {
  const prey: SeenUnit = {
    unitId: PREY,
    type: ENTITY_TYPE.NonPlayer,
    name: "",
    characterId: undefined,
    creatureId: 12347,
    createFlags: 0,
    position: { x: 1, y: 0, z: 0 },
    yaw: 0,
    health: 300,
    dead: false,
    inCombat: false,
    targetId: 0,
  };
  const fake = {
    unitId: BOT,
    position: { x: 0, y: 0, z: 0 },
    units: new Map<number, SeenUnit>([[PREY, prey]]),
    inbox: [] as Received[],
    casts: 0,
    prey,
    select: () => undefined,
    move: () => undefined,
    cast() {
      onCast(++fake.casts, fake);
      return fake.casts;
    },
    waitForAny(names: readonly string[], match: (p: Received) => boolean = () => true) {
      const index = fake.inbox.findIndex((p) => names.includes(p.name) && match(p));
      if (index < 0) return Promise.reject(new WorldError("TIMEOUT", `no ${names.join(" or ")}`));
      return Promise.resolve(fake.inbox.splice(index, 1)[0]!);
    },
    async waitFor(name: string, match: (v: unknown) => boolean = () => true) {
      return (await fake.waitForAny([name], (p) => match(p.value))).value;
    },
  };
  return fake;
}
type Fake = ReturnType<typeof scripted>;

/** The bot's own hit of `damage` on cast `cast`: health update, then its start and go. */
function ownHit(fake: Fake, cast: number, damage: number) {
  fake.prey.health = Math.max(0, fake.prey.health - damage);
  fake.prey.dead = fake.prey.health === 0;
  fake.inbox.push(start(BOT, 100 + cast), go(100 + cast, damage, fake.prey.dead));
}

describe("bot --attack", () => {
  it("counts and prints only its own hits, not another player's on the same creature", async () => {
    const fake = scripted((cast, f) => {
      // Another player's hit lands first (its start and go arrive before the bot's).
      f.prey.health -= 27;
      f.inbox.push(start(OTHER, 200 + cast), go(200 + cast, 27, false));
      ownHit(f, cast, 123);
      if (f.prey.dead) f.inbox.push({ name: "ServerExperienceGained", value: { totalXpGained: 80 } } as unknown as Received);
    });
    const lines: string[] = [];
    const report = await attackNearest(fake as unknown as HeadlessClient, (l) => lines.push(l), { castIntervalMs: 0 });
    expect(report).toEqual({ unitId: PREY, creatureId: 12347, hits: 2, damage: 246, killed: true, xp: 80 });
    expect(lines).toEqual([
      `hit creature 12347 (unit ${PREY}) for 123, health 150`,
      `hit creature 12347 (unit ${PREY}) for 123, health 0`,
      `killed creature 12347 (unit ${PREY}) in 2 hits: +80 XP`,
    ]);
  });

  it("another's killing blow: it stops casting, prints no hit for it, and is refused (exit 6) naming who gets the credit", async () => {
    const fake = scripted((cast, f) => {
      if (cast === 1) return ownHit(f, cast, 100);
      // Another player kills it before the bot's second cast lands: the server refuses that cast.
      f.prey.health = 0;
      f.prey.dead = true;
      f.inbox.push(start(OTHER, 300), go(300, 200, true), refused(CAST_RESULT.TargetCannotBeDead));
    });
    const lines: string[] = [];
    const error = await attackNearest(fake as unknown as HeadlessClient, (l) => lines.push(l), { castIntervalMs: 0 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorldError);
    expect((error as WorldError).code).toBe("NOT_AVAILABLE");
    expect((error as WorldError).message).toContain("killed by another's blow after 1 hits (100 damage)");
    expect((error as WorldError).message).toContain("kill credit goes to the killing blow");
    expect(outcomeOf(error)?.exit).toBe(6);
    expect(lines).toEqual([`hit creature 12347 (unit ${PREY}) for 100, health 200`]);
    // Once it knows the creature is dead it casts no more.
    expect(fake.casts).toBe(2);
    const again = await attackNearest(fake as unknown as HeadlessClient, () => undefined, { castIntervalMs: 0 }).catch((e: unknown) => e);
    expect((again as WorldError).code).toBe("NOT_FOUND");
  });

  it("a refusal while the creature lives is a refusal: no hit printed, the cast result named", async () => {
    const fake = scripted((_cast, f) => void f.inbox.push(refused(CAST_RESULT.TargetRangeMax)));
    const lines: string[] = [];
    const error = await attackNearest(fake as unknown as HeadlessClient, (l) => lines.push(l), { castIntervalMs: 0 }).catch((e: unknown) => e);
    expect((error as WorldError).message).toBe(`the attack on creature 12347 (unit ${PREY}) was refused: TargetRangeMax`);
    expect(lines).toEqual([]);
  });
});
