import { customizeMount, type CustomizeMountInput } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { playerActionOptions } from "../../game/action-options";
import { mountBySpell } from "../../game/mounts/mount-state";
import type { HandlerContext } from "../types";

/**
 * Shared by the dye, upgrade and trick extensions: the mount named by its summon spell changes
 * through customizeMount (refusals are its DbError: COLLECTIBLE_NOT_OWNED, MOUNT_CUSTOMIZATION_REFUSED,
 * answered with ServerRequestResult), then the owner gets the new customisation (mount.customized).
 * Throws WorldError NOT_FOUND for a spell that summons no mount.
 */
export async function customizeMountBySpell(ctx: HandlerContext, spell4Id: number, change: CustomizeMountInput["change"]): Promise<void> {
  const mount = mountBySpell(ctx.services.data, spell4Id);
  if (!mount) throw new WorldError("NOT_FOUND", `no mount is summoned by spell ${spell4Id}`, { details: { spell4Id } });
  await customizeMount(ctx.services.db, { ...playerActionOptions(ctx), characterId: ctx.session.requireCharacter().id, mountId: mount.id, change });
  await ctx.services.events.flush();
}
