import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { customizeMountBySpell } from "./customize-mount-extension";

/** Extension: chooses or drops a trick of an owned hoverboard (core setMountTrick: hoverboards only, their tricks). */
export const clientMountTrick = handler("ClientMountTrick", {
  states: IN_WORLD,
  async handle(ctx, { spell4Id, trick, enabled }) {
    await customizeMountBySpell(ctx, spell4Id, { kind: "trick", trickId: trick, enabled });
  },
});
