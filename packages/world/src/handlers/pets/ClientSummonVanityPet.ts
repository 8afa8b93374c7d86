import { WorldError } from "../../errors";
import { summonPet } from "../../game/pets/summon-pet";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/**
 * Summons the owned vanity pet whose summon spell is named (summonPet: one pet at a time, following
 * its owner, seen by those around). A spell that summons no vanity pet is WorldError NOT_FOUND; an
 * unowned pet NOT_OWNED (ServerRequestResult; nothing is created).
 */
export const clientSummonVanityPet = handler("ClientSummonVanityPet", {
  states: IN_WORLD,
  async handle(ctx, { spell4BaseId }) {
    const pet = ctx.services.data.vanityPets.all().find((p) => p.spellId === spell4BaseId);
    if (!pet) throw new WorldError("NOT_FOUND", `no vanity pet is summoned by spell ${spell4BaseId}`, { details: { spell4BaseId } });
    await summonPet(ctx, "vanity_pet", pet.id);
  },
});
