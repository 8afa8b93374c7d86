import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * `stat` values of {@link ServerCombatReward} for character currencies: NexusForever's
 * `CurrencyManager` sends `CurrencyType - 1` (`Game.Static/Entity/CurrencyType.cs`: Credits is 1),
 * so the client's Credits (this server's gold) are stat 0.
 */
export const COMBAT_REWARD_STAT = {
  Credits: 0,
} as const;

/**
 * A character currency's new total, e.g. gold (the client's Credits) after any change
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerCombatReward.cs`, sent by
 * `Source/NexusForever.Game/Entity/CurrencyManager.cs`): `stat` 5 bits ({@link COMBAT_REWARD_STAT}),
 * `newValue` u64 (the balance after the change, in copper for Credits, not the change), then
 * `combatRewardId` u32 and `targetUnitId` u32, both 0 for a currency change (combat uses them for
 * momentum rewards).
 */
export const ServerCombatReward = definePacket({
  name: "ServerCombatReward",
  opcode: 0x0919,
  origin: "genuine",
  direction: "server",
  fields: {
    stat: t.uint(5),
    newValue: t.u64,
    combatRewardId: t.u32,
    targetUnitId: t.u32,
  },
});
