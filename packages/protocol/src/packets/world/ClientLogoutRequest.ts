import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Starts (`initiated`) or cancels a logout (NexusForever `Model/ClientLogoutRequest.cs`). */
export const ClientLogoutRequest = definePacket({
  name: "ClientLogoutRequest",
  opcode: 0x00bf,
  origin: "genuine",
  direction: "client",
  fields: {
    initiated: t.bool,
  },
});
