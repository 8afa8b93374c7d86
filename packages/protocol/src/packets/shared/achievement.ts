import { t } from "../../schema/types";

/** One achievement's progress (NexusForever `Model/Achievement/Achievement.cs`). */
export const achievement = t.struct({
  achievementId: t.uint(15),
  /** Checklist objectives 0..31. */
  checklistFlagsLow: t.u32,
  /** Checklist objectives 32..63. */
  checklistFlagsHigh: t.u32,
  dateCompleted: t.u64,
});
