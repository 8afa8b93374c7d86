import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * First packet on the world server: who the client claims to be and the session key the realm
 * server issued (NexusForever `Model/Pregame/ClientHelloRealm.cs`).
 */
export const ClientHelloRealm = definePacket({
  name: "ClientHelloRealm",
  opcode: 0x058f,
  origin: "genuine",
  direction: "client",
  fields: {
    accountId: t.u32,
    sessionKey: t.bytes(16),
    /** Unused by the server. */
    unused: t.u64,
    email: t.wstring({ max: 320 }),
    /** The genuine client always sends 3. */
    always3: t.u32,
  },
});
