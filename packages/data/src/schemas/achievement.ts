import { z } from "zod";
import { idSchema } from "./common";

/** An achievement; titles can unlock when one is earned. */
export const achievementSchema = z.strictObject({
  id: idSchema,
  name: z.string().min(1),
  description: z.string().default(""),
  points: z.int().nonnegative().default(10),
});

/** An achievement; titles can unlock when one is earned. */
export type Achievement = z.output<typeof achievementSchema>;
