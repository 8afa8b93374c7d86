import { t } from "../../schema/types";

/** A character on a realm (NexusForever `Model/Shared/Identity.cs`): realm id 14 bits, character id u64. */
export const identity = t.struct({
  realmId: t.uint(14),
  characterId: t.u64,
});
