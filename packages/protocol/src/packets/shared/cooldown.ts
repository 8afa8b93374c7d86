import { WIRE_BITS } from "@bezgelor/data";
import { t } from "../../schema/types";

/** What a cooldown entry is about (3 bits): NexusForever only ever sends 1, a spell. */
export const COOLDOWN_TYPE = { Spell: 1 } as const;

/**
 * One running cooldown (NexusForever `Source/NexusForever.Network.World/Message/Model/Shared/Cooldown.cs`):
 * u3 {@link COOLDOWN_TYPE}, u18 Spell4 id, u32 type id (the Spell4 id again for spells), u32 ms left.
 */
export const cooldown = t.struct({
  type: t.uint(3),
  spell4Id: t.uint(WIRE_BITS.spell4Id),
  typeId: t.u32,
  timeRemainingMs: t.u32,
});
