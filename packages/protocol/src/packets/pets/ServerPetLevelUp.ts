import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Extension 0xF053: a combat pet reached a level (one per level passed). `petId` u32, `level` u5. */
export const ServerPetLevelUp = definePacket({
  name: "ServerPetLevelUp",
  opcode: 0xf053,
  origin: "extension",
  direction: "server",
  fields: { petId: t.u32, level: t.uint(5) },
});
