import { PET_CUSTOMIZE_RESULT, PET_TYPE, type PetCustomizeResultName } from "@bezgelor/core";
import { customizeMount, isDbError } from "@bezgelor/db";
import { ServerPetCustomisationFailed } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { mountBySpell } from "../../game/mounts/mount-state";
import { summonMount } from "../../game/mounts/summon-mount";
import { IN_WORLD } from "../../server/states";
import { handler, type HandlerContext } from "../types";

type Request = { petType: number; petObjectId: number; flairSlotIndex: number; flairId: number };

function refuse(ctx: HandlerContext, reason: PetCustomizeResultName, p: Request): void {
  ctx.session.logger.info({ ...p, reason }, "pet customisation refused");
  const mountUnit = ctx.services.world.companionOf(ctx.session.requireCharacter().id, "mount");
  ctx.session.send(ServerPetCustomisationFailed, {
    reason: PET_CUSTOMIZE_RESULT[reason],
    petType: p.petType,
    petUnitId: mountUnit?.id ?? 0,
    flairSlotIndex: p.flairSlotIndex,
    petFlairId: p.flairId,
  });
}

/**
 * Flair in a slot of an owned mount (the object id is its summon spell) through customizeMount,
 * kept per mount. Refusals are answered with the genuine ServerPetCustomisationFailed and its
 * PetCustomizeResult: PetTypeNotSupported (scanbots: this server has none), InvalidObject (no such
 * mount, or not owned), and the rule's InvalidSlot, InvalidFlair, UnknownFlairType, NotUnlocked;
 * nothing changes. On success the owner gets ServerPetCustomisation (mount.customized), and a mount
 * being ridden is summoned afresh so those around see its new flair.
 */
export const clientPetCustomisation = handler("ClientPetCustomisation", {
  states: IN_WORLD,
  async handle(ctx, p) {
    if (p.petType === PET_TYPE.ScanBot) return refuse(ctx, "PetTypeNotSupported", p);
    const mount = mountBySpell(ctx.services.data, p.petObjectId);
    if (!mount) return refuse(ctx, "InvalidObject", p);
    const change = { kind: "flair" as const, petType: p.petType, slot: p.flairSlotIndex, flairId: p.flairId };
    try {
      await customizeMount(ctx.services.db, { ...playerActionOptions(ctx), characterId: ctx.session.requireCharacter().id, mountId: mount.id, change });
    } catch (error) {
      if (isDbError(error, "MOUNT_FLAIR_REFUSED")) return refuse(ctx, (error.details?.reason ?? "InvalidFlair") as PetCustomizeResultName, p);
      if (isDbError(error, "COLLECTIBLE_NOT_OWNED")) return refuse(ctx, "InvalidObject", p);
      throw error;
    }
    await ctx.services.events.flush();
    if (ctx.services.world.companionOf(ctx.session.requireCharacter().id, "mount")?.spec.collectibleId === mount.id) await summonMount(ctx, mount.id);
  },
});
