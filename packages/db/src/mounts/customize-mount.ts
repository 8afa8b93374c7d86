// Changing one owned mount's flair, dyes, upgrades or tricks: the row is created uncustomised if
// missing and locked, the core rule decides, and the whole new customisation is written. A refusal
// throws, so the transaction (and the row it may have created) rolls back: bad input changes nothing.
import { addMountUpgrade, emptyMountCustomization, setMountDye, setMountFlair, setMountTrick, type MountCustomization } from "@bezgelor/core";
import { z } from "zod";
import { defineAction, type ActionContext } from "../actions/action.js";
import { requireDefinition } from "../actions/definition.js";
import { characterAccountId } from "../characters/character-account.js";
import { getMergedCollection, ownsCollectible } from "../collections/get-collections.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema } from "../validation.js";
import type { MountCustomizationRecord } from "./mount-customization-record.js";

const Key = z.string().min(1).max(32);

const Change = z.discriminatedUnion("kind", [
  /** `petType` is what the client named (genuine PetType); 0 as `flairId` clears the slot. */
  z.object({
    kind: z.literal("flair"),
    petType: z.number().int().min(0).max(3),
    slot: z.number().int().min(0).max(0xffff),
    flairId: z.number().int().min(0).max(0x3fff),
  }),
  z.object({ kind: z.literal("dye"), channel: z.number().int().min(0).max(0xff), dyeId: z.number().int().min(0).max(0xffffffff) }),
  z.object({ kind: z.literal("upgrade"), upgradeId: Key }),
  z.object({ kind: z.literal("trick"), trickId: Key, enabled: z.boolean() }),
]);

const Input = z.object({ characterId: IdSchema, mountId: IdSchema, change: Change });

/** The input of {@link customizeMount}. */
export type CustomizeMountInput = z.input<typeof Input>;

/** Locks (creating it uncustomised if missing) and reads the customisation row. */
async function lockCustomization(ctx: ActionContext, characterId: number, mountId: number, empty: MountCustomization): Promise<MountCustomization> {
  await ctx.tx.$executeRaw`INSERT INTO "mount_customizations" ("character_id", "mount_id", "flair", "dyes", "upgrades", "tricks", "updated_at")
    VALUES (${characterId}, ${mountId}, ${empty.flair}, ${empty.dyes}, ${empty.upgrades}, ${empty.tricks}, ${ctx.now}) ON CONFLICT DO NOTHING`;
  const rows = await ctx.tx.$queryRaw<MountCustomization[]>`SELECT "flair", "dyes", "upgrades", "tricks" FROM "mount_customizations"
    WHERE "character_id" = ${characterId} AND "mount_id" = ${mountId} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw new DbError(DB_ERROR_CODES.INTERNAL, `The customisation of mount ${mountId} vanished`, { details: { characterId, mountId } });
  return row;
}

async function run(ctx: ActionContext, i: z.output<typeof Input>): Promise<MountCustomizationRecord> {
  const { characterId, mountId, change } = i;
  const mount = requireDefinition(ctx.rules.data.mounts, "mount", mountId);
  const accountId = await characterAccountId(ctx.tx, characterId);
  if (!(await ownsCollectible(ctx.tx, { accountId, characterId, collectibleType: "mount", collectibleId: mountId }))) {
    throw new DbError(DB_ERROR_CODES.COLLECTIBLE_NOT_OWNED, `Character ${characterId} has no mount ${mountId}`, { details: { characterId, mountId } });
  }
  const current = await lockCustomization(ctx, characterId, mountId, emptyMountCustomization(mount));
  let next: MountCustomization;
  if (change.kind === "flair") {
    const flair = await getMergedCollection(ctx.tx, { accountId, characterId, collectibleType: "flair" });
    const decided = setMountFlair(mount, current, {
      petType: change.petType,
      slot: change.slot,
      flairId: change.flairId,
      flairTable: ctx.rules.data.flair,
      unlockedFlair: new Set(flair.map((f) => f.collectibleId)),
    });
    if (!decided.ok) {
      throw new DbError(DB_ERROR_CODES.MOUNT_FLAIR_REFUSED, `Flair ${change.flairId} in slot ${change.slot} of mount ${mountId}: ${decided.reason}`, {
        details: { reason: decided.reason, mountId, slot: change.slot, flairId: change.flairId },
      });
    }
    next = decided.customization;
  } else {
    const decided =
      change.kind === "dye"
        ? setMountDye(mount, current, change.channel, change.dyeId)
        : change.kind === "upgrade"
          ? addMountUpgrade(mount, current, change.upgradeId)
          : setMountTrick(mount, current, change.trickId, change.enabled);
    if (!decided.ok) {
      throw new DbError(DB_ERROR_CODES.MOUNT_CUSTOMIZATION_REFUSED, `Mount ${mountId} ${change.kind}: ${decided.reason}`, {
        details: { reason: decided.reason, mountId, change: change.kind },
      });
    }
    next = decided.customization;
  }
  await ctx.tx.$executeRaw`UPDATE "mount_customizations" SET "flair" = ${next.flair}, "dyes" = ${next.dyes}, "upgrades" = ${next.upgrades},
    "tricks" = ${next.tricks}, "updated_at" = ${ctx.now} WHERE "character_id" = ${characterId} AND "mount_id" = ${mountId}`;
  const record = { characterId, mountId, flair: [...next.flair], dyes: [...next.dyes], upgrades: [...next.upgrades], tricks: [...next.tricks] };
  ctx.emit({ kind: "mount.customized", accountId, change: change.kind, ...record });
  ctx.step("mount.customized");
  return record;
}

/**
 * Changes one mount of a character (owned by its account or by itself): flair in a slot (core
 * setMountFlair; unlocked flair is the merged flair collection), a dye channel, the next upgrade in
 * the mount's order, or a hoverboard trick. Kept per character and mount, across summons. Emits
 * mount.customized. Throws DbError UNKNOWN_GAME_DATA (no such mount), CHARACTER_NOT_FOUND,
 * COLLECTIBLE_NOT_OWNED, MOUNT_FLAIR_REFUSED (`details.reason`: the genuine PetCustomizeResult),
 * MOUNT_CUSTOMIZATION_REFUSED (`details.reason`), INVALID_INPUT; nothing changes on any of them.
 */
export const customizeMount = defineAction({
  name: "mount.customize",
  input: Input,
  describe: (i) => `Changing the ${i.change.kind} of mount ${i.mountId} of character ${i.characterId}`,
  run,
});
