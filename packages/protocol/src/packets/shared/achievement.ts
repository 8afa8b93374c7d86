import { WIRE_BITS } from "@bezgelor/data";
import { t } from "../../schema/types";

/** One achievement's progress (NexusForever `Model/Achievement/Achievement.cs`). */
export const achievement = t.struct({
  achievementId: t.uint(WIRE_BITS.achievementId),
  /** Checklist objectives 0..31. */
  checklistFlagsLow: t.u32,
  /** Checklist objectives 32..63. */
  checklistFlagsHigh: t.u32,
  dateCompleted: t.u64,
});
