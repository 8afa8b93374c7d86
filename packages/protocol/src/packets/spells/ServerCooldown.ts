import { definePacket } from "../../schema/packet";
import { cooldown } from "../shared/cooldown";

/**
 * A spell's cooldown started (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerCooldown.cs`,
 * sent by `Source/NexusForever.Game/Entity/SpellManager.cs` SetSpellCooldown when a spell with a
 * cooldown goes off): one {@link cooldown} entry, type 1 (spell), the Spell4 id as both spell and
 * type id, the ms left. Only the caster is told. The global cooldown is never sent: the client
 * works it out from its own spell tables.
 */
export const ServerCooldown = definePacket({
  name: "ServerCooldown",
  opcode: 0x0804,
  origin: "genuine",
  direction: "server",
  fields: { cooldown },
});
