import { z } from "zod";
import { wireId14Schema } from "./common";

/** A faction players hold standing with. */
export const factionSchema = z.strictObject({
  id: wireId14Schema,
  name: z.string().min(1),
  description: z.string().default(""),
});

/** A faction players hold standing with. */
export type Faction = z.output<typeof factionSchema>;
