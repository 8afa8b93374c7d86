import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * "Mount unlocked" notice: the Spell4 id of the mount's summon ability, u18
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerUnlockMount.cs`).
 */
export const ServerUnlockMount = definePacket({
  name: "ServerUnlockMount",
  opcode: 0x0129,
  origin: "genuine",
  direction: "server",
  fields: { spell4Id: t.uint(WIRE_BITS.spell4Id) },
});
