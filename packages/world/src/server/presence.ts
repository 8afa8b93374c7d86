/** Anything presence can deliver to: in practice a session with a character in the world. */
export interface PresencePeer<P> {
  deliver(packet: P): void;
  /** A closed peer is never entered: work finishing after a disconnect cannot publish it again. */
  readonly closed: boolean;
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
  private readonly byPeer = new Map<PresencePeer<P>, Set<number>>();

  /**
   * Marks a character online in its zone; replaces an older entry for the same character.
   * Returns false, entering nothing, when the peer has already closed.
   */
  enter(entry: PresenceEntry<P>): boolean {
    if (entry.peer.closed) return false;
    this.leave(entry.characterId);
    this.byCharacter.set(entry.characterId, entry);
    let published = this.byPeer.get(entry.peer);
    if (!published) this.byPeer.set(entry.peer, (published = new Set()));
    published.add(entry.characterId);
    const key = zoneKey(entry.worldId, entry.zoneId);
    let zone = this.byZone.get(key);
    if (!zone) this.byZone.set(key, (zone = new Set()));
    zone.add(entry.characterId);
    return true;
  }

  /** Removes everything `peer` published (a closing session), whatever character it names now. */
  leavePeer(peer: PresencePeer<P>): void {
    for (const characterId of [...(this.byPeer.get(peer) ?? [])]) this.leave(characterId);
    this.byPeer.delete(peer);
  }

  /** Marks a character offline; harmless if it was not online. */
  leave(characterId: number): void {
    const entry = this.byCharacter.get(characterId);
    if (!entry) return;
    this.byCharacter.delete(characterId);
    const published = this.byPeer.get(entry.peer);
    published?.delete(characterId);
    if (published?.size === 0) this.byPeer.delete(entry.peer);
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

  /**
   * Sends to everyone in a zone (except `except`). Returns how many got it. The same packet object
   * goes to every peer, so a session peer encodes it once for all (`OutgoingPacket`). A peer that
   * closes while the packet goes round (a slow client) leaves the zone without disturbing the rest.
   */
  broadcastZone(worldId: number, zoneId: number, packet: P, options: { except?: number } = {}): number {
    const ids = this.byZone.get(zoneKey(worldId, zoneId));
    if (ids === undefined) return 0;
    let count = 0;
    for (const id of ids) {
      if (id === options.except) continue;
      const entry = this.byCharacter.get(id);
      if (entry === undefined) continue;
      entry.peer.deliver(packet);
      count += 1;
    }
    return count;
  }
}
