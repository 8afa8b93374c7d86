import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Sends a mail (NexusForever `Source/NexusForever.Network.World/Message/Model/ClientMailSend.cs`): recipient name and realm, subject, body (wide
 * strings), credits sent u64 and cash on delivery u64 (copper), DeliveryTime u2 (Instant 0, Hour 1,
 * Day 2), the mailbox unit id u32, and exactly 10 item guids u64 (0 = empty slot). Answered by
 * ServerMailResult action 1.
 */
export const ClientMailSend = definePacket({
  name: "ClientMailSend",
  opcode: 0x0168,
  origin: "genuine",
  direction: "client",
  fields: {
    name: t.wstring({ max: 64 }),
    realm: t.wstring({ max: 64 }),
    subject: t.wstring({ max: 256 }),
    body: t.wstring({ max: 2048 }),
    creditsSent: t.u64,
    cashOnDelivery: t.u64,
    deliveryTime: t.uint(2),
    unitId: t.u32,
    items: t.fixedArray(10, t.u64),
  },
});
