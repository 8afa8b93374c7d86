import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** Some `error` values of {@link ServerGenericError} (NexusForever `GenericError`). */
export const GENERIC_ERROR = {
  Ok: 0x00,
  Params: 0x01,
  ItemBadId: 0x06,
  VendorNotEnoughCash: 0x14,
  VendorNotAVendor: 0x10,
  VendorUnknownItem: 0x0e,
  FactionNotEnoughRep: 0x4c,
  FactionAtMax: 0x79,
} as const;

/** A localised generic error the client shows (NexusForever `Model/ServerGenericError.cs`). */
export const ServerGenericError = definePacket({
  name: "ServerGenericError",
  opcode: 0x0106,
  origin: "genuine",
  direction: "server",
  fields: {
    error: t.u8,
  },
});
