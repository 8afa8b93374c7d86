import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF030: the character's gold after a change, with the signed change. NexusForever's
 * current opcode table has no packet for character currency (its older `ServerPlayerCurrencyChanged`
 * was dropped), so this one is ours. Amounts are copper.
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
