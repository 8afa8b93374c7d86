import { listAchievements } from "@bezgelor/db";
import { ServerAchievementInit } from "@bezgelor/protocol";
import { enterWorldStep } from "./step";

const SECOND = 1000;

/** The character's achievements with the time each was earned: genuine ServerAchievementInit. */
export const achievements = enterWorldStep({
  name: "achievements",
  load: ({ services, characterId }) => listAchievements(services.db, { characterId }),
  send({ session }, earned) {
    session.send(ServerAchievementInit, {
      achievements: earned.map((a) => ({
        achievementId: a.achievementId,
        checklistFlagsLow: 0,
        checklistFlagsHigh: 0,
        dateCompleted: BigInt(Math.floor(a.earnedAt.getTime() / SECOND)),
      })),
    });
  },
});
