import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * What an interaction asks of a unit (7 bits; NexusForever
 * `Source/NexusForever.WorldServer/Network/Message/Handler/Entity/ClientEntityInteractionHandler.cs`):
 * 49 opens a vendor, 68 a mailbox (the client opens its own mail window).
 */
export const INTERACTION_EVENT = { Vendor: 49, Mailbox: 68 } as const;

/**
 * The player interacts with a unit (right-click, or the interact key): u32 unit id, u7
 * {@link INTERACTION_EVENT} (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientEntityInteract.cs`).
 */
export const ClientEntityInteract = definePacket({
  name: "ClientEntityInteract",
  opcode: 0x07ea,
  origin: "genuine",
  direction: "client",
  fields: {
    unitId: t.u32,
    event: t.uint(7),
  },
});
