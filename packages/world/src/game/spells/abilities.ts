// The character's abilities: ability items in the Ability bag and the spell list, as NexusForever's
// SpellManager and Inventory send them on entering the world (the external protocol notes, protocol-entities.md 1a #14-15).
import type { GameData, Spell } from "@bezgelor/data";
import { INVENTORY_LOCATION, ITEM_UPDATE_REASON, ServerAbilities, ServerItemAdd, ServerSpellUpdate, type PacketValue } from "@bezgelor/protocol";
import type { Session } from "../../server/session";

/** A spell the character can cast, and where its ability item sits in the Ability bag. */
export interface Ability {
  readonly bagIndex: number;
  readonly spell: Spell;
}

/**
 * The Ability bag's layout, the same for everyone so it needs no storage: the data's starter spells
 * by Spell4Base id in bag slots 0, 1, ..., then every mount's summon spell by Spell4Base id. A
 * character holds the starter abilities and the summons of the mounts in its collection; casting a
 * mount it does not own is refused by the mount kind's handler.
 */
export function characterAbilities(data: Pick<GameData, "spells">): Ability[] {
  const byId = (a: Spell, b: Spell) => a.id - b.id;
  const spells = data.spells.all();
  return [...spells.filter((spell) => spell.starter).sort(byId), ...spells.filter((spell) => !spell.starter && spell.kind === "mount").sort(byId)].map(
    (spell, bagIndex) => ({ bagIndex, spell }),
  );
}

/** The ability at `bagIndex` of the Ability bag, if any. */
export function abilityAt(data: Pick<GameData, "spells">, bagIndex: number): Ability | undefined {
  return characterAbilities(data).find((a) => a.bagIndex === bagIndex);
}

/**
 * An ability item's guid: bit 62 set (apart from every inventory item id, which the client sends
 * back as guids), the character id above 16 bits, the bag index below. Stable across logins.
 */
export function abilityItemGuid(characterId: number, bagIndex: number): bigint {
  return (1n << 62n) | (BigInt(characterId) << 16n) | BigInt(bagIndex);
}

type Item = PacketValue<typeof ServerItemAdd>["inventoryItem"]["item"];

/** An ability item as NexusForever builds it (`Game/Entity/Item.cs` Build): the Spell4Base id as item id, stack 1, the rest 0. */
function abilityItem(characterId: number, { bagIndex, spell }: Ability): Item {
  const price = { unknown0: 0, unknown4: 0, unknown8: 0 };
  return {
    guid: abilityItemGuid(characterId, bagIndex),
    unknown0: 0n,
    itemId: spell.id,
    location: { location: INVENTORY_LOCATION.Ability, bagIndex },
    stackCount: 1,
    charges: 0,
    randomCircuitData: 0n,
    randomGlyphData: 0,
    thresholdData: 0n,
    durability: 0,
    unknown44: 0,
    unknown48: 0,
    dyeData: 0,
    dynamicFlags: 0,
    expirationTimeLeft: 0,
    prices: [price, price],
    unknown70: 0,
    microchips: [],
    glyphs: [],
    unknown88: [],
    effectiveItemLevel: 0,
  };
}

/**
 * Sends the character's ability items (ServerItemAdd each, reason NoReason) and its spell list
 * (ServerAbilities: each Spell4Base at tier 1, action set 0), the client's prerequisites for casting:
 * the starter spells and the summons of the mounts in `ownedMountIds`.
 */
export function sendAbilities(session: Session, data: Pick<GameData, "spells">, characterId: number, ownedMountIds: ReadonlySet<number> = new Set()): void {
  const abilities = characterAbilities(data).filter(({ spell }) => spell.kind !== "mount" || ownedMountIds.has(spell.mountId));
  for (const ability of abilities) {
    session.send(ServerItemAdd, { inventoryItem: { item: abilityItem(characterId, ability), reason: ITEM_UPDATE_REASON.NoReason } });
  }
  session.send(ServerAbilities, { spells: abilities.map(({ spell }) => ({ spell4BaseId: spell.id, tierIndexAchieved: 1, specIndex: 0 })) });
}

/**
 * Gives the character a mount's summon ability, as NexusForever's SpellManager AddSpell does for a
 * spell learnt in the world: its ability item (ServerItemAdd in the Ability bag at the layout's
 * index, reason NoReason), then ServerSpellUpdate (the Spell4Base at tier 1, action set 0,
 * activated). Nothing when the data has no summon spell for the mount.
 */
export function sendMountAbility(session: Session, data: Pick<GameData, "spells">, characterId: number, mountId: number): void {
  const ability = characterAbilities(data).find(({ spell }) => spell.kind === "mount" && spell.mountId === mountId);
  if (!ability) return;
  session.send(ServerItemAdd, { inventoryItem: { item: abilityItem(characterId, ability), reason: ITEM_UPDATE_REASON.NoReason } });
  session.send(ServerSpellUpdate, { spell4BaseId: ability.spell.id, tierIndex: 1, specIndex: 0, activated: true });
}
