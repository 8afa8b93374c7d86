import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { achievement } from "../shared/achievement";

/** Achievements earned, progressed or (`deleted`) removed (NexusForever `Model/Achievement/ServerAchievementUpdate.cs`). */
export const ServerAchievementUpdate = definePacket({
  name: "ServerAchievementUpdate",
  opcode: 0x00af,
  origin: "genuine",
  direction: "server",
  fields: {
    deleted: t.bool,
    achievements: t.array(t.u32, achievement, { max: 32767 }),
  },
});
