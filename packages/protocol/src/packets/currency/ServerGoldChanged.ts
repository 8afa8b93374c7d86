import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF030: the character's gold after a change, with the signed change. Amounts are copper.
 * The genuine client learns its Credits from `ServerCombatReward` 0x0919 (stat 0, the new total;
 * NexusForever `Game/Entity/CurrencyManager.cs`), which replaces this extension for gold once the
 * world server sends it.
 */
export const ServerGoldChanged = definePacket({
  name: "ServerGoldChanged",
  opcode: 0xf030,
  origin: "extension",
  direction: "server",
  fields: {
    balance: t.u64,
    delta: t.i64,
  },
});
