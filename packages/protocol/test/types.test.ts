import { describe, expectTypeOf, it } from "vitest";
import { PacketChannel, ServerChat, ServerTitles, type ClientPacketName, type ClientPacketValues, type PacketValue, type ReceivedPacket } from "../src/index";

describe("derived types", () => {
  it("derive each packet's value type from its fields", () => {
    expectTypeOf<PacketValue<typeof ServerTitles>>().toEqualTypeOf<{
      titles: { titleId: number; revoked: boolean; inSchedule: boolean; timeRemaining: number }[];
    }>();
    expectTypeOf<PacketValue<typeof ServerChat>["from"]>().toEqualTypeOf<{ realmId: number; characterId: bigint }>();
    type Format = PacketValue<typeof ServerChat>["formats"][number];
    expectTypeOf<Extract<Format, { type: 4 }>>().toEqualTypeOf<{ type: 4; startIndex: number; stopIndex: number; itemId: number }>();
  });

  it("narrow a received packet's value by its name", () => {
    const handle = (packet: ReceivedPacket<"server">) => {
      if (packet.name === "ClientTitleSet") expectTypeOf(packet.value).toEqualTypeOf<{ titleId: number }>();
    };
    expectTypeOf(handle).toBeFunction();
    expectTypeOf<ClientPacketValues["ClientVendorPurchase"]>().toEqualTypeOf<{ stockUniqueId: number; purchaseQuantity: number }>();
    expectTypeOf<"ServerTitles">().not.toExtend<ClientPacketName>();
  });

  it("only let a channel encode its own side's packets", () => {
    expectTypeOf<PacketChannel<"server">["encode"]>().parameter(0).toExtend<{ direction: "server" }>();
  });
});
