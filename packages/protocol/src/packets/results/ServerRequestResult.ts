import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Extension 0xF000: the generic answer when a rule refuses a client request and no genuine packet
 * says so (setting a title the account does not own, a non-GM using a GM command, buying without
 * the gold). `requestOpcode` names the refused request; `code` is the world package's rule code;
 * `message` is for humans.
 */
export const ServerRequestResult = definePacket({
  name: "ServerRequestResult",
  opcode: 0xf000,
  origin: "extension",
  direction: "server",
  fields: {
    requestOpcode: t.u16,
    code: t.u16,
    message: t.wstring({ max: 1024 }),
  },
});
