import { t } from "../../schema/types";

/** One visible item or body part (NexusForever `Model/Shared/ItemVisual.cs`). */
export const itemVisual = t.struct({
  slot: t.uint(7),
  displayId: t.uint(15),
  colourSetId: t.uint(14),
  dyeData: t.i32,
});

/** An inventory location (NexusForever `Model/Shared/ItemLocation.cs`); location 300 means none. */
export const itemLocation = t.struct({
  location: t.uint(9),
  bagIndex: t.u32,
});
