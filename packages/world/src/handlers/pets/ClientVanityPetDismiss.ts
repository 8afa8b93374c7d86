import { dismissPet } from "../../game/pets/summon-pet";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/** Extension: puts the summoned pet away (destroyed for those who saw it); nothing happens when none is out. */
export const clientVanityPetDismiss = handler("ClientVanityPetDismiss", {
  states: IN_WORLD,
  handle(ctx) {
    dismissPet(ctx);
  },
});
