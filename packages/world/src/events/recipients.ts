import type { OutgoingPacket } from "../server/outgoing";
import type { WorldServices } from "../server/services";
import type { Session } from "../server/session";

/** Where an event's packets go: whoever of the account or character is in the world right now. */
export interface Recipients {
  /** The account's open session, in any state (logged in, choosing a character, in the world). */
  session(accountId: number): Session | undefined;
  /** The account's session, if it has a character in the world. */
  account(accountId: number): Session | undefined;
  /** The character's session, if that character is in the world. */
  character(characterId: number): Session | undefined;
  /** The account's character in the world and every player who sees its unit; how many got it. */
  viewersOf(accountId: number, packet: OutgoingPacket): number;
  /** The unit id of the account's character in the world (what ServerTitleSet names). */
  unitOfAccount(accountId: number): number | undefined;
  /**
   * Keeps a mount's new dyes on the character's summoned mount when it is `mountId`, and sends them
   * (ServerMountDyes) to everyone who sees it; false when the character rides no such mount.
   */
  recolourMount(characterId: number, mountId: number, dyes: readonly number[]): boolean;
  /** Every player in the world who opened the store this session. */
  storeBrowsers(): Session[];
  /** The character's unit in the world, if any, takes its new level and it and its viewers are told (`WorldMaps.setLevel`). */
  setLevel(characterId: number, level: number): void;
  /** The character's combat pet out, when it is `petId`, takes its level, told to those who see it (`WorldMaps.setPetLevel`). */
  setPetLevel(characterId: number, petId: number, level: number): void;
}

/** Recipients looked up in the server's session registry and presence. */
export function recipientsOf(services: Pick<WorldServices, "sessions" | "presence" | "world">): Recipients {
  const inWorld = (session: Session | undefined) => (session && !session.closed && session.state === "in-world" ? session : undefined);
  const account = (accountId: number) => inWorld(services.sessions.ofAccount(accountId));
  return {
    session: (accountId) => {
      const session = services.sessions.ofAccount(accountId);
      return session && !session.closed ? session : undefined;
    },
    account,
    character: (characterId) => {
      const session = account(services.presence.get(characterId)?.accountId ?? 0);
      return session?.character?.id === characterId ? session : undefined;
    },
    viewersOf: (accountId, packet) => {
      const character = account(accountId)?.character;
      return character ? services.world.toViewersOf(character.id, packet) : 0;
    },
    recolourMount: (characterId, mountId, dyes) => services.world.recolourMount(characterId, mountId, dyes),
    setLevel: (characterId, level) => services.world.setLevel(characterId, level),
    setPetLevel: (characterId, petId, level) => void services.world.setPetLevel(characterId, petId, level),
    storeBrowsers: () => services.sessions.all().filter((s) => s.storeOpen && inWorld(s) !== undefined),
    unitOfAccount: (accountId) => {
      const character = account(accountId)?.character;
      return character ? services.world.unitOf(character.id)?.id : undefined;
    },
  };
}
