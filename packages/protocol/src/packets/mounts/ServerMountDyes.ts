import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF045: the dyes of a summoned mount, for everyone who sees it. The genuine
 * ServerEntityCreate has no field for a mount's dyes (NexusForever's MountEntityModel carries the
 * creature, vehicle, owner and passengers only, and its mounts are never dyed), so the server sends
 * this to each viewer right after the mount's ServerEntityCreate (on summon and when it comes into
 * range) and again when its owner changes a dye. `unitId` u32 (the mount unit), u2 count + `dyes`
 * u16 per channel (the mount's dye channels in order, 0 = undyed).
 */
export const ServerMountDyes = definePacket({
  name: "ServerMountDyes",
  opcode: 0xf045,
  origin: "extension",
  direction: "server",
  fields: { unitId: t.u32, dyes: t.array(t.uint(2), t.u16) },
});
