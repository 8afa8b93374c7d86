import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF060: redeem a promo code (the genuine client has no promo code packet;
 * NexusForever has none either). `code` is the text the player typed (compared trimmed and
 * case-insensitively). Answered with ServerPromoCodeResult.
 */
export const ClientPromoCodeRedeem = definePacket({
  name: "ClientPromoCodeRedeem",
  opcode: 0xf060,
  origin: "extension",
  direction: "client",
  fields: {
    code: t.wstring({ max: 256 }),
  },
});
