import { IN_WORLD } from "../../server/states";
import { handler } from "../types";
import { customizeMountBySpell } from "./customize-mount-extension";

/** Extension: buys an owned mount's next upgrade (core addMountUpgrade: in the mount's order, each once). */
export const clientMountUpgrade = handler("ClientMountUpgrade", {
  states: IN_WORLD,
  async handle(ctx, { spell4Id, upgrade }) {
    await customizeMountBySpell(ctx, spell4Id, { kind: "upgrade", upgradeId: upgrade });
  },
});
