import { listCharacterPets, ownsCollectible, type PetKind } from "@bezgelor/db";
import { Server08B3 } from "@bezgelor/protocol";
import { WorldError } from "../../errors";
import type { HandlerContext } from "../../handlers/types";
import { packet } from "../../server/outgoing";
import type { CompanionUnit } from "../../world/companion";

/**
 * Summons an owned vanity or combat pet for the session's character, replacing the pet it had (one
 * at a time, as NexusForever's SummonVanityPet effect): a Pet unit (EntityType 24) of the pet's
 * creature with its nickname, following its owner, created for everyone in range, who are then
 * sent Server08B3 (attached to its owner). A combat pet shows its level.
 * Throws WorldError NOT_FOUND (no such pet in the data), NOT_OWNED, NOT_AVAILABLE (not in a world).
 */
export async function summonPet(ctx: HandlerContext, kind: PetKind, petId: number): Promise<CompanionUnit> {
  const { session, services } = ctx;
  const characterId = session.requireCharacter().id;
  const def = kind === "pet" ? services.data.pets.get(petId) : services.data.vanityPets.get(petId);
  if (!def) throw new WorldError("NOT_FOUND", `no ${kind === "pet" ? "pet" : "vanity pet"} ${petId}`, { details: { kind, petId } });
  const ids = { accountId: session.requireAccount().id, characterId };
  if (!(await ownsCollectible(services.db, { ...ids, collectibleType: kind, collectibleId: petId }))) {
    throw new WorldError("NOT_OWNED", `${kind === "pet" ? "pet" : "vanity pet"} ${petId} is not in the collection`, { details: { kind, petId } });
  }
  const [progress] = await listCharacterPets(services.db, { characterId, kind, petId });
  const owner = services.world.unitOf(characterId);
  if (!owner) throw new WorldError("NOT_AVAILABLE", "not in a world", { details: { petId } });
  const pet = services.world.summon(characterId, {
    role: "pet",
    collectibleType: kind,
    collectibleId: petId,
    creatureId: def.creatureId,
    unitVehicleId: 0,
    name: progress?.nickname ?? "",
    faction: owner.look.faction,
    speed: 1,
    flairDisplayIds: [],
    level: progress?.level ?? 1,
  });
  if (!pet) throw new WorldError("NOT_AVAILABLE", "not in a world", { details: { petId } });
  services.world.toViewersOfUnit(characterId, pet.id, packet(Server08B3, { unitId: pet.id, unknown0: 0, unknown1: true }));
  return pet;
}

/** Puts the session's character's pet away (destroyed for those who saw it). False when none was out. */
export function dismissPet({ session, services }: HandlerContext): boolean {
  return services.world.dismiss(session.requireCharacter().id, "pet") !== undefined;
}
