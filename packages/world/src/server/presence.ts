/** Anything presence can deliver to: in practice a session with a character in the world. */
export interface PresencePeer<P> {
  deliver(packet: P): void;
}

export interface PresenceEntry<P> {
  characterId: number;
  accountId: number;
  name: string;
  worldId: number;
  zoneId: number;
  peer: PresencePeer<P>;
}

const zoneKey = (worldId: number, zoneId: number) => `${worldId}:${zoneId}`;

/**
 * Who is online and where. Later features use it to reach one character (gift notifications)
 * or everyone in a zone (a title shown to nearby players, a pet's attack).
 */
export class Presence<P> {
  private readonly byCharacter = new Map<number, PresenceEntry<P>>();
  private readonly byZone = new Map<string, Set<number>>();

  /** Marks a character online in its zone; replaces an older entry for the same character. */
  enter(entry: PresenceEntry<P>): void {
    this.leave(entry.characterId);
    this.byCharacter.set(entry.characterId, entry);
    const key = zoneKey(entry.worldId, entry.zoneId);
    let zone = this.byZone.get(key);
    if (!zone) this.byZone.set(key, (zone = new Set()));
    zone.add(entry.characterId);
  }

  /** Marks a character offline; harmless if it was not online. */
  leave(characterId: number): void {
    const entry = this.byCharacter.get(characterId);
    if (!entry) return;
    this.byCharacter.delete(characterId);
    const key = zoneKey(entry.worldId, entry.zoneId);
    const zone = this.byZone.get(key);
    zone?.delete(characterId);
    if (zone?.size === 0) this.byZone.delete(key);
  }

  get(characterId: number): PresenceEntry<P> | undefined {
    return this.byCharacter.get(characterId);
  }

  /** Characters online in a zone. */
  inZone(worldId: number, zoneId: number): PresenceEntry<P>[] {
    const ids = this.byZone.get(zoneKey(worldId, zoneId)) ?? new Set<number>();
    return [...ids].flatMap((id) => this.byCharacter.get(id) ?? []);
  }

  get size(): number {
    return this.byCharacter.size;
  }

  /** Sends to one character if online; returns whether it was. */
  sendTo(characterId: number, packet: P): boolean {
    const entry = this.byCharacter.get(characterId);
    entry?.peer.deliver(packet);
    return entry !== undefined;
  }

  /** Sends to everyone in the zone of `characterId` (itself included unless `exceptSelf`). Returns how many got it. */
  broadcastZone(worldId: number, zoneId: number, packet: P, options: { except?: number } = {}): number {
    let count = 0;
    for (const entry of this.inZone(worldId, zoneId)) {
      if (entry.characterId === options.except) continue;
      entry.peer.deliver(packet);
      count += 1;
    }
    return count;
  }
}
