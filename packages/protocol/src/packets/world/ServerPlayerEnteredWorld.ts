import { definePacket } from "../../schema/packet";

/** Ends the loading screen; empty body (NexusForever `Model/Player/ServerPlayerEnteredWorld.cs`). */
export const ServerPlayerEnteredWorld = definePacket({
  name: "ServerPlayerEnteredWorld",
  opcode: 0x0061,
  origin: "genuine",
  direction: "server",
  fields: {},
});
