import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Why XP was gained (written as u32; NexusForever
 * `Source/NexusForever.Network.World/Message/Static/ExpReason.cs`), those this server grants.
 */
export const EXP_REASON = { Cheat: 1, KillCreature: 2, Quest: 3 } as const;

/**
 * The character gained XP (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerExperienceGained.cs`,
 * sent by `Source/NexusForever.Game/Entity/XpManager.cs` GrantXp on every grant): u32 total gained
 * (bonuses included), u32 of it rested, u32 of it signature, u32 {@link EXP_REASON}, u32 target
 * unit (NexusForever leaves it 0).
 */
export const ServerExperienceGained = definePacket({
  name: "ServerExperienceGained",
  opcode: 0x01ac,
  origin: "genuine",
  direction: "server",
  fields: {
    totalXpGained: t.u32,
    restXpAmount: t.u32,
    signatureXpAmount: t.u32,
    reason: t.u32,
    unitTarget: t.u32,
  },
});
