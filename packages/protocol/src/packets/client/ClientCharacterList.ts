import { definePacket } from "../../schema/packet";

/** Asks for the account's character list; empty body (NexusForever `Model/Pregame/ClientCharacterList.cs`). */
export const ClientCharacterList = definePacket({
  name: "ClientCharacterList",
  direction: "client",
  fields: {},
});
