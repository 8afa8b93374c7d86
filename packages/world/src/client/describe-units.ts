import { ENTITY_CREATE_FLAG, ENTITY_TYPE } from "@bezgelor/protocol";
import type { SeenUnit } from "./headless-client";

const TYPE_NAMES: Record<number, string> = { [ENTITY_TYPE.Player]: "player", [ENTITY_TYPE.NonPlayer]: "creature", [ENTITY_TYPE.MailBox]: "mailbox" };

/** One line per unit a client sees, by unit id (a creature with its creature id, vendors marked), its own marked: what `bezgelor bot` prints. */
export function describeUnits(units: ReadonlyMap<number, SeenUnit>, ownUnitId: number | undefined): string[] {
  return [...units.values()]
    .sort((a, b) => a.unitId - b.unitId)
    .map((u) => {
      const { x, y, z } = u.position;
      const who = u.name !== "" ? ` ${u.name}` : u.creatureId !== undefined ? ` ${u.creatureId}` : "";
      const vendor = (u.createFlags & ENTITY_CREATE_FLAG.Vendor) !== 0 ? " (vendor)" : "";
      const you = u.unitId === ownUnitId ? " (you)" : "";
      return `unit ${u.unitId} ${TYPE_NAMES[u.type] ?? `type ${u.type}`}${who}${vendor}${you} at (${x.toFixed(1)}, ${y.toFixed(1)}, ${z.toFixed(1)})`;
    });
}
