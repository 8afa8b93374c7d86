import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF052: a combat pet gained XP. `petId` u32, `gained` u32, `xp` u32 (total), `level` u5,
 * `xpIntoLevel` u32, `xpToNextLevel` u32 (0 at the cap). NexusForever has no pet XP.
 */
export const ServerPetXp = definePacket({
  name: "ServerPetXp",
  opcode: 0xf052,
  origin: "extension",
  direction: "server",
  fields: { petId: t.u32, gained: t.u32, xp: t.u32, level: t.uint(5), xpIntoLevel: t.u32, xpToNextLevel: t.u32 },
});
