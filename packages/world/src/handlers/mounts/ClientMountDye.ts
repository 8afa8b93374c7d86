import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { customizeMountBySpell } from "./customize-mount-extension";

/** Extension: dyes a channel of an owned mount (core setMountDye: only the mount's channels); kept per mount. */
export const clientMountDye = handler("ClientMountDye", {
  states: IN_WORLD,
  async handle(ctx, { spell4Id, channel, dyeId }) {
    await customizeMountBySpell(ctx, spell4Id, { kind: "dye", channel, dyeId });
  },
});
