import { z } from "zod";
import { idSchema, keySchema, timestampSchema, wireId14Schema } from "./common";
import { PATH_KEY } from "./path";

/** Title categories as in the design: where a title comes from, for display and grouping. */
export const TITLE_CATEGORY = ["reputation", "achievement", "quest", "path", "store", "event", "special"] as const;

/** One of {@link TITLE_CATEGORY}. */
export type TitleCategory = (typeof TITLE_CATEGORY)[number];

/** Cosmetic rarity (the client colours the title by it). */
export const TITLE_RARITY = ["common", "uncommon", "rare", "epic", "legendary"] as const;

/** One of {@link TITLE_RARITY}. */
export type TitleRarity = (typeof TITLE_RARITY)[number];

/** What unlocks a title; the discriminant of {@link TitleUnlock}. `gm` titles only come from a GM grant. */
export const TITLE_UNLOCK_TYPE = {
  REPUTATION: "reputation",
  ACHIEVEMENT: "achievement",
  QUEST: "quest",
  PATH: "path",
  STORE: "store",
  EVENT: "event",
  GM: "gm",
} as const;

/** One of the {@link TITLE_UNLOCK_TYPE} values. */
export type TitleUnlockType = (typeof TITLE_UNLOCK_TYPE)[keyof typeof TITLE_UNLOCK_TYPE];

const eventUnlockSchema = z
  .strictObject({
    type: z.literal(TITLE_UNLOCK_TYPE.EVENT),
    eventId: keySchema,
    /** The title can be earned from this instant ... */
    startsAt: timestampSchema,
    /** ... until just before this one. */
    endsAt: timestampSchema,
  })
  .refine((unlock) => unlock.endsAt.getTime() > unlock.startsAt.getTime(), {
    message: "must be after startsAt",
    path: ["endsAt"],
  });

/** The unlock rule of a title, one shape per unlock type. */
export const titleUnlockSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal(TITLE_UNLOCK_TYPE.REPUTATION), factionId: wireId14Schema, level: keySchema }),
  z.strictObject({ type: z.literal(TITLE_UNLOCK_TYPE.ACHIEVEMENT), achievementId: idSchema }),
  z.strictObject({ type: z.literal(TITLE_UNLOCK_TYPE.QUEST), questId: idSchema }),
  z.strictObject({ type: z.literal(TITLE_UNLOCK_TYPE.PATH), path: z.enum(PATH_KEY), level: z.int().positive() }),
  z.strictObject({ type: z.literal(TITLE_UNLOCK_TYPE.STORE), offerId: idSchema }),
  eventUnlockSchema,
  z.strictObject({ type: z.literal(TITLE_UNLOCK_TYPE.GM) }),
]);

/** The unlock rule of a title. */
export type TitleUnlock = z.output<typeof titleUnlockSchema>;

/** A title definition. Ids fit 14 bits because the client sends and receives titles as 14 bits. */
export const titleSchema = z.strictObject({
  id: wireId14Schema,
  name: z.string().min(1),
  description: z.string().default(""),
  category: z.enum(TITLE_CATEGORY),
  rarity: z.enum(TITLE_RARITY),
  unlock: titleUnlockSchema,
  /** When set, a granted title expires this many seconds after it was granted. */
  durationSeconds: z.int().positive().optional(),
});

/** A title definition. */
export type Title = z.output<typeof titleSchema>;
