import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { achievement } from "../shared/achievement";

/** All achievements of the character, on entering the world (NexusForever `Model/Achievement/ServerAchievementInit.cs`). */
export const ServerAchievementInit = definePacket({
  name: "ServerAchievementInit",
  opcode: 0x00ae,
  origin: "genuine",
  direction: "server",
  fields: {
    achievements: t.array(t.u32, achievement, { max: 32767 }),
  },
});
