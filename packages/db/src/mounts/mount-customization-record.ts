import type { MountCustomization } from "@bezgelor/core";

/** One character's customisation of one of its mounts. */
export interface MountCustomizationRecord extends MountCustomization {
  readonly characterId: number;
  readonly mountId: number;
}
