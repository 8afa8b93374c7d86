import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF040: dye one channel of an owned mount. `spell4Id` u18 names the mount as the
 * genuine ClientPetCustomisation does (its summon spell), `channel` u8 (0-based, below the mount's
 * dye channels), `dyeId` u16 (0 clears). The genuine client has no mount dye packet.
 */
export const ClientMountDye = definePacket({
  name: "ClientMountDye",
  opcode: 0xf040,
  origin: "extension",
  direction: "client",
  fields: { spell4Id: t.uint(WIRE_BITS.spell4Id), channel: t.u8, dyeId: t.u16 },
});
