import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Connection type value for a world server in {@link ServerHello}. */
export const CONNECTION_TYPE_WORLD = 11;

/**
 * First packet of a world connection, sent inside `ServerRealmEncrypted` with the build key
 * (NexusForever `Source/NexusForever.Network/Message/Model/ServerHello.cs`).
 */
export const ServerHello = definePacket({
  name: "ServerHello",
  opcode: 0x0003,
  origin: "genuine",
  direction: "server",
  fields: {
    /** Client build, 16042. */
    authVersion: t.u32,
    realmId: t.u32,
    realmGroupId: t.u32,
    realmGroupEnum: t.u32,
    startupTime: t.u64,
    listenPort: t.u16,
    /** 11 for a world server ({@link CONNECTION_TYPE_WORLD}). */
    connectionType: t.uint(5),
    /** 0x97998A0. */
    authMessage: t.u32,
    processId: t.u32,
    processCreationTime: t.u64,
    unknown30: t.u32,
  },
});
