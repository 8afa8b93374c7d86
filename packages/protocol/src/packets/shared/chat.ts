import { WIRE_BITS } from "@bezgelor/data";
import { t } from "../../schema/types";

/** Chat channel types the server uses most (NexusForever `Game.Static/Chat/ChatChannelType.cs`). */
export const CHAT_CHANNEL_TYPE = {
  Command: 1,
  System: 2,
  Debug: 3,
  Say: 4,
  Yell: 5,
  Whisper: 6,
  Party: 7,
  Emote: 8,
  Zone: 9,
} as const;

/** A chat channel reference: type 14 bits, chat id u64 (NexusForever `Model/Chat/Channel.cs`). */
export const chatChannel = t.struct({
  type: t.uint(14),
  chatId: t.u64,
});

/**
 * A formatting span inside a chat message (NexusForever `ChatFormat`/`ChatClientFormat` and
 * `Network.World/Chat/Model/*`): type 4 bits, start and stop u16, then a model chosen by type.
 * Alien and Profanity seeds are 14 bits as NexusForever reads them (its writer emits 32, which
 * looks like a bug; the client's own messages are the reference).
 */
export const chatFormat = t.union({
  key: "type",
  tag: t.uint(4),
  shared: { startIndex: t.u16, stopIndex: t.u16 },
  variants: {
    0: { unknown: t.bool },
    1: { randomTextSeed: t.uint(14) },
    2: { unknown: t.bool },
    3: { unknown: t.bool },
    4: { itemId: t.uint(18) },
    5: { questId: t.uint(WIRE_BITS.questId) },
    6: { archiveArticleId: t.uint(14) },
    7: { randomTextSeed: t.uint(14) },
    8: {
      itemGuid: t.u64,
      item2Id: t.uint(18),
      makerCharacterId: t.u64,
      circuitData: t.u64,
      runeData: t.u32,
      thresholdData: t.u64,
      unknown1: t.u32,
      worldRequirements: t.u32,
      unknown2: t.u8,
      worldRequirementItem2Id: t.uint(18),
      chargeAmounts: t.array(t.uint(3), t.f32),
      runeSlotItem2Ids: t.array(t.uint(4), t.u32),
    },
    9: { guid: t.u64 },
    10: { mapZoneId: t.uint(14), x: t.f32, y: t.f32 },
    11: { lootUnitId: t.u32 },
  },
});
