import { emptyMountCustomization, mountSpeed, type MountCustomization } from "@bezgelor/core";
import type { GameData, Mount } from "@bezgelor/data";
import { listMountCustomizations, ownsCollectible, type DbClient } from "@bezgelor/db";
import { WorldError } from "../../errors";

/** A mount the character can ride, with its customisation (uncustomised when it has none yet). */
export interface OwnedMount {
  readonly mount: Mount;
  readonly customization: MountCustomization;
}

/**
 * The mount `mountId` with the character's customisation of it. Throws WorldError NOT_FOUND (no
 * such mount in the data) or NOT_OWNED (neither the account nor the character has it).
 */
export async function loadOwnedMount(db: DbClient, data: GameData, ids: { accountId: number; characterId: number }, mountId: number): Promise<OwnedMount> {
  const mount = data.mounts.get(mountId);
  if (!mount) throw new WorldError("NOT_FOUND", `no mount ${mountId}`, { details: { mountId } });
  if (!(await ownsCollectible(db, { ...ids, collectibleType: "mount", collectibleId: mountId }))) {
    throw new WorldError("NOT_OWNED", `mount ${mountId} is not in the collection`, { details: { mountId } });
  }
  const [record] = await listMountCustomizations(db, { characterId: ids.characterId, mountId });
  return { mount, customization: record ?? emptyMountCustomization(mount) };
}

/** The item display of each flair slot, front to right (0 for an empty slot or unknown flair). */
export function flairDisplayIds(data: GameData, flair: readonly number[]): number[] {
  return flair.map((id) => (id === 0 ? 0 : (data.flair.get(id)?.itemDisplayId ?? 0)));
}

/** The mount's speed with its upgrades. */
export function ownedMountSpeed({ mount, customization }: OwnedMount): number {
  return mountSpeed(mount, customization.upgrades);
}

/** The mount whose summon spell is `spell4Id`, if any. */
export function mountBySpell(data: GameData, spell4Id: number): Mount | undefined {
  return data.mounts.all().find((m) => m.spellId === spell4Id);
}
