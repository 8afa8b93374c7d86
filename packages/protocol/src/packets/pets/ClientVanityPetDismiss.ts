import { definePacket } from "../../schema/packet";

/** Extension 0xF050: put the summoned vanity pet away; no body. The genuine client has no dismiss (re-summoning replaces). */
export const ClientVanityPetDismiss = definePacket({
  name: "ClientVanityPetDismiss",
  opcode: 0xf050,
  origin: "extension",
  direction: "client",
  fields: {},
});
