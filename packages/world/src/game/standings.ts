import { getReputations } from "@bezgelor/db";
import type { HandlerContext } from "../handlers/types";

/** The character's standing by faction (missing factions are 0, as the rules expect). */
export async function loadStandings({ session, services }: HandlerContext): Promise<Map<number, number>> {
  const rows = await getReputations(services.db, { characterId: session.requireCharacter().id });
  return new Map(rows.map((r) => [r.factionId, r.standing]));
}
