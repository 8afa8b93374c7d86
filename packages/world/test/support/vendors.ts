import type { GameData } from "@bezgelor/data";
import { ClientEntityInteract, INTERACTION_EVENT } from "@bezgelor/protocol";
import type { HeadlessClient } from "../../src/client/headless-client";

/** Where a character stands 3 m from the first spawn selling `vendorId`: options for `t.player`. */
export function nearVendor(data: GameData, vendorId: number) {
  const spawn = data.spawns.all().find((s) => s.vendorId === vendorId);
  if (!spawn) throw new Error(`no spawn sells vendor ${vendorId}`);
  return { worldId: spawn.worldId, position: { ...spawn.position, x: spawn.position.x + 3 } };
}

/** The unit id of the spawned unit selling `vendorId` that `client` sees, waiting for its create. */
export async function vendorUnit(client: HeadlessClient, data: GameData, vendorId: number): Promise<number> {
  const spawns = data.spawns.all().filter((s) => s.vendorId === vendorId);
  const find = () =>
    [...client.units.values()].find((u) =>
      spawns.some((s) => s.creatureId === u.creatureId && u.position.x === Math.fround(s.position.x) && u.position.z === Math.fround(s.position.z)),
    );
  if (!find()) await client.waitFor("ServerEntityCreate", () => find() !== undefined);
  return find()!.unitId;
}

/** Interacts with the unit selling `vendorId` (ClientEntityInteract, event 49). */
export async function openVendor(client: HeadlessClient, data: GameData, vendorId: number): Promise<number> {
  const unitId = await vendorUnit(client, data, vendorId);
  client.send(ClientEntityInteract, { unitId, event: INTERACTION_EVENT.Vendor });
  return unitId;
}
