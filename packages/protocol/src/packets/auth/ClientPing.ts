import { definePacket } from "../../schema/packet";

/**
 * Keep-alive, empty body (NexusForever `ClientPing`; later revisions name it
 * `ClientPregameKeepAlive`, sent every 60 s on the character and realm screens).
 */
export const ClientPing = definePacket({
  name: "ClientPing",
  opcode: 0x0241,
  origin: "genuine",
  direction: "client",
  fields: {},
});
