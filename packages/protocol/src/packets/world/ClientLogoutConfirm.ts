import { definePacket } from "../../schema/packet";

/** Confirms a logout once its timer ran out; empty body (NexusForever `Model/ClientLogoutConfirm.cs`). */
export const ClientLogoutConfirm = definePacket({
  name: "ClientLogoutConfirm",
  opcode: 0x00c0,
  origin: "genuine",
  direction: "client",
  fields: {},
});
