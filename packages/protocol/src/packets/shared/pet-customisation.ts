import { t } from "../../schema/types";

/**
 * One mount's or scanbot's customisation (NexusForever `Model/Shared/PetCustomisation.cs`): u2
 * PetType, u32 object id (a mount's Spell4 id), ws name, the four slots' flair ids as u32.
 */
export const petCustomisation = t.struct({
  petType: t.uint(2),
  petObjectId: t.u32,
  petName: t.wstring({ max: 64 }),
  slotFlairIds: t.fixedArray(4, t.u32),
});
