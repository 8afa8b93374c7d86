import { Server089B, Server08B3, ServerVehiclePassengerAdd, ServerVehiclePassengerRemove, VEHICLE_SEAT_TYPE } from "@bezgelor/protocol";
import { WorldError } from "../../errors";
import type { HandlerContext } from "../../handlers/types";
import { packet } from "../../server/outgoing";
import type { CompanionUnit } from "../../world/companion";
import { flairDisplayIds, loadOwnedMount, ownedMountSpeed } from "./mount-state";

/**
 * Summons an owned mount for the session's character and seats it as pilot, as NexusForever's
 * SummonMount effect does (`Game/Spell/SpellEffectHandler.cs`, `Game/Entity/MountEntity.cs`,
 * `VehicleEntity.cs`): a mount it rides is replaced (dismounted first); the Mount unit is created
 * for everyone in range with its pilot, its flair (item visuals 66-69) and its speed (data plus
 * upgrades), then its dyes (extension ServerMountDyes, when dyed); the rider is sent Server089B (its seat) and everyone who sees the mount, the rider
 * included, ServerVehiclePassengerAdd and Server08B3. The rider then moves at the mount's speed.
 * The cast dispatch (ClientCastSpell of the mount's ability) calls this.
 * Throws WorldError NOT_FOUND (unknown mount), NOT_OWNED, NOT_AVAILABLE (not in a world).
 */
export async function summonMount(ctx: HandlerContext, mountId: number): Promise<CompanionUnit> {
  const { session, services } = ctx;
  const characterId = session.requireCharacter().id;
  const owned = await loadOwnedMount(services.db, services.data, { accountId: session.requireAccount().id, characterId }, mountId);
  const rider = services.world.unitOf(characterId);
  if (!rider) throw new WorldError("NOT_AVAILABLE", "not in a world", { details: { mountId } });
  dismountPlayer(ctx);
  const mount = services.world.summon(characterId, {
    role: "mount",
    collectibleType: "mount",
    collectibleId: mountId,
    creatureId: owned.mount.creatureId,
    unitVehicleId: owned.mount.unitVehicleId,
    name: "",
    faction: rider.look.faction,
    speed: ownedMountSpeed(owned),
    flairDisplayIds: flairDisplayIds(services.data, owned.customization.flair),
    dyes: owned.customization.dyes,
    level: 1,
  });
  if (!mount) throw new WorldError("NOT_AVAILABLE", "not in a world", { details: { mountId } });
  const seat = { seatType: VEHICLE_SEAT_TYPE.Pilot, seatPosition: 0 };
  session.send(Server089B, { self: rider.id, vehicle: mount.id, ...seat });
  services.world.toViewersOfUnit(characterId, mount.id, packet(ServerVehiclePassengerAdd, { vehicle: mount.id, ...seat, unitId: rider.id }));
  services.world.toViewersOfUnit(characterId, mount.id, packet(Server08B3, { unitId: mount.id, unknown0: 0, unknown1: true }));
  return mount;
}

/**
 * Takes the session's character off its mount, as NexusForever's disembark: everyone who sees the
 * mount is sent ServerVehiclePassengerRemove, then the empty mount is removed (ServerEntityDestroy)
 * and the rider walks at its own speed. False when it was not mounted (the client sends the packet
 * twice when switching mounts; the second is ignored).
 */
export function dismountPlayer({ session, services }: HandlerContext): boolean {
  const characterId = session.requireCharacter().id;
  const mount = services.world.companionOf(characterId, "mount");
  if (!mount) return false;
  services.world.toViewersOfUnit(characterId, mount.id, packet(ServerVehiclePassengerRemove, { vehicle: mount.id, passenger: mount.ownerId }));
  services.world.dismiss(characterId, "mount");
  return true;
}
