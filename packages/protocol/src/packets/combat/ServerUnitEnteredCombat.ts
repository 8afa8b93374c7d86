import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * A unit entered or left combat, sent to those who see it and to itself (NexusForever
 * `Source/NexusForever.Network.World/Message/Model/ServerUnitEnteredCombat.cs`, sent by
 * `Source/NexusForever.Game/Entity/UnitEntity.cs` when its threat list becomes non-empty or empty):
 * u32 unit, bit in combat.
 */
export const ServerUnitEnteredCombat = definePacket({
  name: "ServerUnitEnteredCombat",
  opcode: 0x089a,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    inCombat: t.bool,
  },
});
