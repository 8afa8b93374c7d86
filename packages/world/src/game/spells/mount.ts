// A mount's summon ability: casting it summons the mount (game/mounts summonMount), as
// NexusForever's SummonMount spell effect (`Source/NexusForever.Game/Spell/SpellEffectHandler.cs`).
import { checkCooldowns } from "@bezgelor/core";
import { CAST_RESULT } from "@bezgelor/protocol";
import { WorldError } from "../../errors";
import type { HandlerContext } from "../../handlers/types";
import type { CompanionUnit } from "../../world/companion";
import { summonMount } from "../mounts/summon-mount";
import { refuseCast, type SpellCast, type SpellKindHandler } from "./cast";
import { startCastCooldowns } from "./cooldowns";

/**
 * Summons the spell's mount and seats the caster on it, replacing a mount it rides (summonMount
 * sends the mount, the seat and the passenger packets to the caster and those who see it). A mount
 * the caster's collection does not hold is refused with ServerSpellCastResult SpellUnknown (the
 * caster does not know the spell) and a log line; nothing else happens.
 */
export const castMount: SpellKindHandler<"mount"> = async (cast) => {
  const { ctx, spell } = cast;
  try {
    const mount = await summonMount(ctx, spell.mountId);
    ctx.session.logger.info({ mountId: spell.mountId, unitId: mount.id }, "mount summoned by its spell");
    return true;
  } catch (error) {
    if (error instanceof WorldError && error.code === "NOT_OWNED") {
      return refuseCast(cast, CAST_RESULT.SpellUnknown, `mount ${spell.mountId} is not in the collection`, { mountId: spell.mountId });
    }
    throw error;
  }
};

/**
 * Summons mount `mountId` for a request that is not a cast (GM `!mount summon`) under the same
 * cooldowns as casting its summon spell: refused while they run, and once summoned its cooldowns
 * start (ServerCooldown to the rider), so neither way gets round the other. One summon path for
 * every caller, as the design's one `summon_mount` (seeds 000 and 002). A mount without a summon
 * spell in the data has no cooldown. Throws WorldError NOT_AVAILABLE (a cooldown runs: the ms left;
 * not in a world) and what summonMount throws (NOT_FOUND, NOT_OWNED); nothing changes then.
 */
export async function summonMountAsCast(ctx: HandlerContext, mountId: number): Promise<CompanionUnit> {
  const { services, session } = ctx;
  const mount = services.data.mounts.get(mountId);
  const spell = mount === undefined ? undefined : services.data.spells.get(mount.abilityItemId);
  const placed = services.world.placed(session.requireCharacter().id);
  if (spell?.kind !== "mount" || spell.mountId !== mountId || !placed) return summonMount(ctx, mountId);
  const now = services.world.clock.now();
  const check = checkCooldowns(placed.unit.cooldowns, spell, now);
  if (!check.ok) {
    throw new WorldError("NOT_AVAILABLE", `mount ${mountId}'s summon is on ${check.reason.replace("_", " ")} for ${check.readyAt - now} ms`, {
      details: { mountId, spellId: spell.id, readyAt: check.readyAt, now },
    });
  }
  const unit = await summonMount(ctx, mountId);
  const cast: SpellCast<"mount"> = { ctx, spell, map: placed.map, caster: placed.unit, clientUniqueId: 0 };
  startCastCooldowns(cast, now);
  return unit;
}
