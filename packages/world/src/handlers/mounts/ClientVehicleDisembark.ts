import { dismountPlayer } from "../../game/mounts/summon-mount";
import { IN_WORLD } from "../../server/states";
import { handler } from "../types";

/** Gets off the mount (see dismountPlayer); ignored when not mounted, as the client sends it twice when switching mounts. */
export const clientVehicleDisembark = handler("ClientVehicleDisembark", {
  states: IN_WORLD,
  handle(ctx) {
    dismountPlayer(ctx);
  },
});
