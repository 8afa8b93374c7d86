import { CAST_RESULT, ENTITY_CREATE_FLAG, ENTITY_TYPE, EFFECT_INFO_TYPE } from "@bezgelor/protocol";
import type { HeadlessClient, SeenUnit } from "../../client/headless-client";
import { WorldError } from "../../errors";

/** How close the bot walks to its prey, metres: inside the basic attack's 5 m. */
export const BOT_ATTACK_REACH = 3;
/** Metres per walking step and ms between steps: 40 m/s, under the server's default 50 m/s. */
const STEP_METRES = 10;
const STEP_MS = 250;
/** The bot stops after this many casts (refused ones included) whatever happens. */
const MAX_CASTS = 2000;
/**
 * Ms between casts by default: the shipped basic attack's global cooldown (spells.json), so against
 * a server with the system clock a cast is rarely refused for it.
 */
export const BOT_CAST_INTERVAL_MS = 1000;
/** Ms to wait before casting again after a cast refused by a cooldown. */
export const BOT_COOLDOWN_RETRY_MS = 100;

/** What `bot --attack` did. */
export interface AttackReport {
  unitId: number;
  creatureId: number;
  hits: number;
  damage: number;
  killed: boolean;
  xp: number;
}

const distance = (a: { x: number; y: number; z: number }, b: { x: number; y: number; z: number }) => Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CAST_RESULT_NAMES = new Map<number, string>(Object.entries(CAST_RESULT).map(([name, id]) => [id, name]));

/** The nearest living creature the client sees that can be fought (a NonPlayer unit that is no vendor). */
export function nearestCreature(client: HeadlessClient): SeenUnit | undefined {
  const own = client.position;
  if (!own) return undefined;
  return [...client.units.values()]
    .filter((u) => u.type === ENTITY_TYPE.NonPlayer && (u.createFlags & ENTITY_CREATE_FLAG.Vendor) === 0 && !u.dead && u.health > 0)
    .sort((a, b) => distance(own, a.position) - distance(own, b.position))[0];
}

/** How `attackNearest` paces its casts. */
export interface AttackPacing {
  /** Ms to wait after a hit before the next cast (default {@link BOT_CAST_INTERVAL_MS}). */
  castIntervalMs?: number;
  /** Waits `ms` (default: a real timer; tests pass one that advances the server's test clock). */
  pause?: (ms: number) => Promise<void>;
}

/** The prey is dead (ServerEntityDeathState, or a health update to 0) or gone from sight. */
function preyDown(client: HeadlessClient, unitId: number): boolean {
  const unit = client.units.get(unitId);
  return !unit || unit.dead || unit.health <= 0;
}

/**
 * Walks to the nearest creature, selects it and casts the basic attack (Ability bag slot 0) every
 * `castIntervalMs` until it dies, calling `line` with each of its own hits and the kill's XP. A
 * cast refused by a cooldown (SpellGlobalCooldown, SpellCooldown) is cast again
 * {@link BOT_COOLDOWN_RETRY_MS} later. Only the bot's own casts count: a ServerSpellGo is the bot's
 * when its castingId is that of a ServerSpellStart whose casterId is the bot's unit (ServerSpellGo
 * names no caster); other players' hits on the same creature are neither counted nor printed.
 * @throws WorldError NOT_AVAILABLE (exit 6, refused) when a cast is refused for anything else
 *   (ServerSpellCastResult, named), or when the creature died by another's killing blow (kill
 *   credit and its XP go to the killing blow; the bot's own hits are printed first) or left sight;
 *   NOT_FOUND when no creature is in sight; TIMEOUT / DISCONNECTED from the client.
 */
export async function attackNearest(client: HeadlessClient, line: (text: string) => void, pacing: AttackPacing = {}): Promise<AttackReport> {
  const { castIntervalMs = BOT_CAST_INTERVAL_MS, pause = sleep } = pacing;
  const prey = nearestCreature(client);
  if (!prey || prey.creatureId === undefined) throw new WorldError("NOT_FOUND", "no creature in sight to attack");
  const name = `creature ${prey.creatureId} (unit ${prey.unitId})`;
  for (let own = client.position!; distance(own, prey.position) > BOT_ATTACK_REACH; own = client.position!) {
    const left = distance(own, prey.position) - (BOT_ATTACK_REACH - 1);
    const step = Math.min(STEP_METRES, left) / distance(own, prey.position);
    client.move({ x: own.x + (prey.position.x - own.x) * step, y: own.y + (prey.position.y - own.y) * step, z: own.z + (prey.position.z - own.z) * step });
    await sleep(STEP_MS);
  }
  client.select(prey.unitId);
  const report: AttackReport = { unitId: prey.unitId, creatureId: prey.creatureId, hits: 0, damage: 0, killed: false, xp: 0 };
  const killedByAnother = () =>
    new WorldError(
      "NOT_AVAILABLE",
      client.units.has(prey.unitId)
        ? `${name} was killed by another's blow after ${report.hits} hits (${report.damage} damage) from this bot: no XP, kill credit goes to the killing blow`
        : `${name} left sight after ${report.hits} hits from this bot`,
    );
  for (let casts = 0, wait = 0; casts < MAX_CASTS && !report.killed; casts++) {
    if (wait > 0) await pause(wait);
    wait = castIntervalMs;
    if (preyDown(client, prey.unitId)) throw killedByAnother();
    client.cast(0);
    const answer = await client.waitForAny(
      ["ServerSpellStart", "ServerSpellCastResult"],
      (p) => p.name === "ServerSpellCastResult" || (p.name === "ServerSpellStart" && p.value.casterId === client.unitId),
    );
    if (answer.name === "ServerSpellCastResult") {
      const result = answer.value.castResult;
      // A refusal is a refusal: it dealt nothing. Refused because the prey died meanwhile: say so.
      if (preyDown(client, prey.unitId)) throw killedByAnother();
      if (result === CAST_RESULT.SpellGlobalCooldown || result === CAST_RESULT.SpellCooldown) {
        wait = BOT_COOLDOWN_RETRY_MS;
        continue;
      }
      throw new WorldError("NOT_AVAILABLE", `the attack on ${name} was refused: ${CAST_RESULT_NAMES.get(result) ?? `cast result ${result}`}`);
    }
    if (answer.name !== "ServerSpellStart") continue;
    const castingId = answer.value.castingId;
    const go = await client.waitFor("ServerSpellGo", (v) => v.castingId === castingId);
    for (const effect of go.targets.find((t) => t.unitId === prey.unitId)?.effects ?? []) {
      if (effect.info.type !== EFFECT_INFO_TYPE.Damage) continue;
      report.hits++;
      report.damage += effect.info.damage.adjustedDamage;
      report.killed ||= effect.info.damage.killedTarget;
      line(`hit ${name} for ${effect.info.damage.adjustedDamage}, health ${client.units.get(prey.unitId)?.health ?? 0}`);
    }
  }
  if (report.killed) {
    report.xp = (await client.waitFor("ServerExperienceGained")).totalXpGained;
    line(`killed ${name} in ${report.hits} hits: +${report.xp} XP`);
  }
  return report;
}
