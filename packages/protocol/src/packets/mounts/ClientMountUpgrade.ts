import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF041: buy the next upgrade of an owned mount. `spell4Id` u18 (the mount's summon
 * spell), `upgrade` ws (the upgrade's id in the mount data, e.g. "speed_1"). Upgrades go in the
 * mount's order, each once.
 */
export const ClientMountUpgrade = definePacket({
  name: "ClientMountUpgrade",
  opcode: 0xf041,
  origin: "extension",
  direction: "client",
  fields: { spell4Id: t.uint(WIRE_BITS.spell4Id), upgrade: t.wstring({ max: 32 }) },
});
