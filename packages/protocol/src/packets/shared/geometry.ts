import { t } from "../../schema/types";

/** Three f32 coordinates (NexusForever `Entity/Position.cs`). */
export const position = t.struct({
  x: t.f32,
  y: t.f32,
  z: t.f32,
});
