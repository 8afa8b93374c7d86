// Finding the shipped creatures of world 426 (the Exile start) in a test world and on a client.
import { ENTITY_TYPE } from "@bezgelor/protocol";
import type { HeadlessClient } from "../../src/client/headless-client";
import type { TestWorld } from "./world";

/** The shipped Exile start of world 426 and its spawns: a Dominion Scout (12346), two Girroks (12347), vendors, a mailbox. */
export const spawnOf = (t: TestWorld, creatureId: number) => t.data.spawns.all().find((s) => s.worldId === 426 && s.creatureId === creatureId)!;

/** The unit id `client` sees for the spawn of `creatureId` nearest that creature's first spawn point; waits for it to be created. */
export async function unitOf(t: TestWorld, client: HeadlessClient, creatureId: number): Promise<number> {
  const at = spawnOf(t, creatureId).position;
  await client.waitFor("ServerEntityCreate", () => [...client.units.values()].some((u) => u.creatureId === creatureId));
  const units = [...client.units.values()].filter((u) => u.creatureId === creatureId && u.type === ENTITY_TYPE.NonPlayer);
  units.sort((a, b) => Math.hypot(a.position.x - at.x, a.position.z - at.z) - Math.hypot(b.position.x - at.x, b.position.z - at.z));
  return units[0]!.unitId;
}
