import type { StartLocation } from "./schemas/start-location";
import { Table } from "./table";

/** Start locations by id, and by the race and faction of a new character. */
export class StartLocationTable extends Table<number, StartLocation> {
  /**
   * Where a new character of `race` and `factionId` starts: the entry for that race and faction,
   * else the faction's first entry (a race the faction's data does not list, e.g. from the CLI),
   * else `undefined`. Never throws.
   */
  for(race: number, factionId: number): StartLocation | undefined {
    const ofFaction = this.all().filter((s) => s.factionId === factionId);
    return ofFaction.find((s) => s.race === race) ?? ofFaction[0];
  }
}
