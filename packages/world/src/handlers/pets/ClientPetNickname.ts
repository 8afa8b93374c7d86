import { setPetNickname } from "@bezgelor/db";
import { PET_NICKNAME_KIND } from "@bezgelor/protocol";
import { playerActionOptions } from "../../game/action-options";
import { summonPet } from "../../game/pets/summon-pet";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Extension: names an owned vanity or combat pet through setPetNickname (1-20 characters, else
 * PET_NICKNAME_INVALID; unowned COLLECTIBLE_NOT_OWNED: ServerRequestResult, nothing changes); an
 * empty name clears it. A pet that is out is summoned afresh so those around see the name.
 */
export const clientPetNickname = handler("ClientPetNickname", {
  states: IN_WORLD,
  async handle(ctx, { kind, petId, nickname }) {
    const petKind = kind === PET_NICKNAME_KIND.CombatPet ? "pet" : "vanity_pet";
    const characterId = ctx.session.requireCharacter().id;
    await setPetNickname(ctx.services.db, { ...playerActionOptions(ctx), characterId, kind: petKind, petId, nickname: nickname === "" ? null : nickname });
    await ctx.services.events.flush();
    const out = ctx.services.world.companionOf(characterId, "pet");
    if (out?.spec.collectibleType === petKind && out.spec.collectibleId === petId) await summonPet(ctx, petKind, petId);
  },
});
