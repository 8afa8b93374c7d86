// A mount's summon ability: casting it summons the mount (game/mounts summonMount), as
// NexusForever's SummonMount spell effect (`Source/NexusForever.Game/Spell/SpellEffectHandler.cs`).
import { CAST_RESULT } from "@bezgelor/protocol";
import { WorldError } from "../../errors";
import { summonMount } from "../mounts/summon-mount";
import { refuseCast, type SpellKindHandler } from "./cast";

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
