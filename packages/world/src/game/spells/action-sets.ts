// The action bars (limited action sets) a character enters the world with, as NexusForever's
// SpellManager sends them after the spell list (`Source/NexusForever.Game/Entity/SpellManager.cs`
// SendInitialPackets, `Game/Spell/ActionSet.cs` BuildServerActionSet; the external protocol notes, protocol-entities.md 1a #17).
import type { GameData } from "@bezgelor/data";
import { ACTION_SET, INVENTORY_LOCATION, LIMITED_ACTION_SET_RESULT, SHORTCUT_TYPE, ServerActionSet, type PacketValue } from "@bezgelor/protocol";
import type { Session } from "../../server/session";
import { characterAbilities } from "./abilities";

type ActionSetValue = PacketValue<typeof ServerActionSet>;

/**
 * The character's action sets, the same for everyone so they need no storage: set 0 (the active
 * one; ServerPlayerCreate sends spec index 0) holds the starter spells (the basic attack) in bar
 * slots 0, 1, ... in Ability bag order; its other slots and sets 1-3 are empty. Each set lists all
 * 48 slots as NexusForever does: a spell as shortcut type Spell at location Ability with the bar
 * slot as bag index and its Spell4Base id, an empty slot as None at location 300 and 0.
 */
export function characterActionSets(data: Pick<GameData, "spells">): ActionSetValue[] {
  const starters = characterAbilities(data).filter(({ spell }) => spell.starter);
  return Array.from({ length: ACTION_SET.count }, (_, index) => ({
    index,
    unknown3: 1,
    result: LIMITED_ACTION_SET_RESULT.Ok,
    actions: Array.from({ length: ACTION_SET.slots }, (_, slot) => {
      const spell = index === 0 ? starters[slot]?.spell : undefined;
      return spell
        ? { shortcutType: SHORTCUT_TYPE.Spell, location: { location: INVENTORY_LOCATION.Ability, bagIndex: slot }, objectId: spell.id }
        : { shortcutType: SHORTCUT_TYPE.None, location: { location: ACTION_SET.emptyLocation, bagIndex: slot }, objectId: 0 };
    }),
  }));
}

/** Sends the character's four action sets ({@link characterActionSets}), one ServerActionSet each. */
export function sendActionSets(session: Session, data: Pick<GameData, "spells">): void {
  for (const set of characterActionSets(data)) session.send(ServerActionSet, set);
}
