import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { itemLocation } from "../shared/item";

/** What an action bar slot holds (4 bits; NexusForever `Source/NexusForever.Game.Static/Spell/ShortcutType.cs`), those this server sends. */
export const SHORTCUT_TYPE = { None: 0, Spell: 4 } as const;

/** Outcome of an action set change (6 bits; NexusForever `Message/Static/LimitedActionSetResult.cs`): Ok is 1. */
export const LIMITED_ACTION_SET_RESULT = { Ok: 1 } as const;

/**
 * Action sets a character has (NexusForever `Game/Spell/ActionSet.cs` MaxActionSets), slots in each
 * (MaxActionCount), and the item location of an empty slot ("what retail did" per NexusForever's
 * BuildServerActionSet; the slot index is its bag index).
 */
export const ACTION_SET = { count: 4, slots: 48, emptyLocation: 300 } as const;

/**
 * One action set (limited action set, the action bar of one spec) on entering the world
 * (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerActionSet.cs`, built by
 * `Game/Spell/ActionSet.cs` and sent four times, one per set, by `Game/Entity/SpellManager.cs`
 * SendInitialPackets): u3 set index, u2 (NexusForever sends 1), u6 {@link LIMITED_ACTION_SET_RESULT},
 * u6 count (NexusForever always sends all 48 slots) + per slot u4 {@link SHORTCUT_TYPE}, the item
 * location (a spell: Ability (4) and the slot index; empty: `ACTION_SET.emptyLocation` and
 * the slot index) and u32 object id (a spell's Spell4Base id; 0 when empty).
 */
export const ServerActionSet = definePacket({
  name: "ServerActionSet",
  opcode: 0x019d,
  origin: "genuine",
  direction: "server",
  fields: {
    index: t.uint(3),
    unknown3: t.uint(2),
    result: t.uint(6),
    actions: t.array(t.uint(6), t.struct({ shortcutType: t.uint(4), location: itemLocation, objectId: t.u32 })),
  },
});
