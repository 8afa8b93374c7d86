import { definePacket } from "../../schema/packet";

/** Asks for the account's character list; empty body (NexusForever `Model/Pregame/ClientCharacterList.cs`). */
export const ClientCharacterList = definePacket({
  name: "ClientCharacterList",
  opcode: 0x07e0,
  origin: "genuine",
  direction: "client",
  fields: {},
});
