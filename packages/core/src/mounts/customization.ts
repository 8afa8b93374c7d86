import { FLAIR_SLOTS, type Flair, type Mount, type Table } from "@bezgelor/data";
import type { Ok, Refused } from "../result";
import { PET_TYPE, type FlairRefusalReason, type PetTypeValue } from "./pet-customize-result";

/** How many flair slots a customisation holds (the client's four, NexusForever MaxCustomisationFlairs). */
export const FLAIR_SLOT_COUNT = FLAIR_SLOTS.length;

/** Largest dye id a channel takes (dyes travel as 16-bit ids; 0 clears the channel). */
export const MAX_DYE_ID = 0xffff;

/**
 * One owned mount's look and upgrades. `flair[slot]` is a flair id or 0 (empty), always
 * {@link FLAIR_SLOT_COUNT} long; `dyes[channel]` a dye id or 0, as long as the mount's dye
 * channels; `upgrades` in the order bought; `tricks` the hoverboard tricks chosen.
 */
export interface MountCustomization {
  readonly flair: readonly number[];
  readonly dyes: readonly number[];
  readonly upgrades: readonly string[];
  readonly tricks: readonly string[];
}

/** A mount nobody customised yet: empty slots, undyed channels, no upgrades or tricks. */
export function emptyMountCustomization(mount: Mount): MountCustomization {
  return { flair: Array<number>(FLAIR_SLOT_COUNT).fill(0), dyes: Array<number>(mount.dyeChannels).fill(0), upgrades: [], tricks: [] };
}

/** The genuine PetType of a mount's customisation: GroundMount 1 or HoverBoard 2. */
export function mountPetType(mount: Mount): PetTypeValue {
  return mount.type === "hoverboard" ? PET_TYPE.HoverBoard : PET_TYPE.GroundMount;
}

/** The flair positions a slot takes: front and back their own, left and right the side pieces. */
function positionOfSlot(slot: number): Flair["position"] | undefined {
  const name = FLAIR_SLOTS[slot];
  if (name === undefined) return undefined;
  return name === "left" || name === "right" ? "side" : name;
}

/** What {@link setMountFlair} needs besides the mount and its customisation. */
export interface SetFlairRequest {
  /** The PetType the client named; it must be the mount's. */
  readonly petType: number;
  readonly slot: number;
  /** 0 clears the slot. */
  readonly flairId: number;
  readonly flairTable: Table<number, Flair>;
  /** Flair ids the character has unlocked. */
  readonly unlockedFlair: ReadonlySet<number>;
}

/**
 * Puts a flair piece in a slot of a mount (or clears it with flair 0). Refused with the genuine
 * PetCustomizeResult: PetTypeNotSupported (a scanbot, or the wrong mount kind), InvalidSlot (a slot
 * the mount does not have), InvalidFlair (unknown flair), UnknownFlairType (flair for the other
 * kind of mount or another position), NotUnlocked (not the character's). Never throws.
 */
export function setMountFlair(
  mount: Mount,
  current: MountCustomization,
  request: SetFlairRequest,
): Ok<{ customization: MountCustomization }> | Refused<FlairRefusalReason> {
  if (request.petType !== mountPetType(mount)) return { ok: false, reason: "PetTypeNotSupported" };
  const position = positionOfSlot(request.slot);
  const slotName = FLAIR_SLOTS[request.slot];
  if (position === undefined || slotName === undefined || !mount.flairSlots.includes(slotName)) return { ok: false, reason: "InvalidSlot" };
  if (request.flairId !== 0) {
    const flair = request.flairTable.get(request.flairId);
    if (flair === undefined) return { ok: false, reason: "InvalidFlair" };
    if (flair.mountType !== mount.type || flair.position !== position) return { ok: false, reason: "UnknownFlairType" };
    if (!request.unlockedFlair.has(flair.id)) return { ok: false, reason: "NotUnlocked" };
  }
  const flair = [...current.flair];
  flair[request.slot] = request.flairId;
  return { ok: true, customization: { ...current, flair } };
}

/** Why a dye, upgrade or trick change is refused. */
export const MOUNT_CUSTOMIZATION_REFUSAL = {
  INVALID_CHANNEL: "invalid-channel",
  INVALID_DYE: "invalid-dye",
  UNKNOWN_UPGRADE: "unknown-upgrade",
  UPGRADE_OWNED: "upgrade-owned",
  UPGRADE_OUT_OF_ORDER: "upgrade-out-of-order",
  NOT_HOVERBOARD: "not-hoverboard",
  UNKNOWN_TRICK: "unknown-trick",
} as const;

/** One value of {@link MOUNT_CUSTOMIZATION_REFUSAL}. */
export type MountCustomizationRefusal = (typeof MOUNT_CUSTOMIZATION_REFUSAL)[keyof typeof MOUNT_CUSTOMIZATION_REFUSAL];

type Change = Ok<{ customization: MountCustomization }> | Refused<MountCustomizationRefusal>;

/** Dyes channel `channel` (0-based, below the mount's dye channels) with `dyeId` (0 clears, at most {@link MAX_DYE_ID}). Never throws. */
export function setMountDye(mount: Mount, current: MountCustomization, channel: number, dyeId: number): Change {
  if (!Number.isInteger(channel) || channel < 0 || channel >= mount.dyeChannels) return { ok: false, reason: "invalid-channel" };
  if (!Number.isInteger(dyeId) || dyeId < 0 || dyeId > MAX_DYE_ID) return { ok: false, reason: "invalid-dye" };
  const dyes = Array.from({ length: mount.dyeChannels }, (_, i) => current.dyes[i] ?? 0);
  dyes[channel] = dyeId;
  return { ok: true, customization: { ...current, dyes } };
}

/**
 * Buys the mount's next upgrade: only the one after those bought, in the mount's list order, and
 * each once. Never throws.
 */
export function addMountUpgrade(mount: Mount, current: MountCustomization, upgradeId: string): Change {
  const index = mount.upgrades.findIndex((u) => u.id === upgradeId);
  if (index < 0) return { ok: false, reason: "unknown-upgrade" };
  if (current.upgrades.includes(upgradeId)) return { ok: false, reason: "upgrade-owned" };
  if (index !== current.upgrades.length) return { ok: false, reason: "upgrade-out-of-order" };
  return { ok: true, customization: { ...current, upgrades: [...current.upgrades, upgradeId] } };
}

/** Chooses (`enabled`) or drops a trick of a hoverboard; ground mounts have none. Never throws. */
export function setMountTrick(mount: Mount, current: MountCustomization, trickId: string, enabled: boolean): Change {
  if (mount.type !== "hoverboard") return { ok: false, reason: "not-hoverboard" };
  if (!mount.tricks.includes(trickId)) return { ok: false, reason: "unknown-trick" };
  const rest = current.tricks.filter((t) => t !== trickId);
  const tricks = enabled ? mount.tricks.filter((t) => t === trickId || rest.includes(t)) : rest;
  return { ok: true, customization: { ...current, tricks } };
}

/** The mount's speed multiplier with the speed upgrades bought (upgrades it does not list add nothing). */
export function mountSpeed(mount: Mount, upgrades: readonly string[]): number {
  const speed = mount.upgrades.reduce((sum, u) => (upgrades.includes(u.id) ? sum + u.speedBonus : sum), mount.speed);
  // Data carries tenths and hundredths; rounding keeps 1.5 + 0.1 + 0.1 from showing as 1.7000000000000002.
  return Math.round(speed * 1000) / 1000;
}
