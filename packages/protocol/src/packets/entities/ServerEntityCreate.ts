import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { entityCommand } from "../shared/entity-command";
import { itemVisual } from "../shared/item";

/** Entity types (6 bits; NexusForever `Source/NexusForever.Game.Static/Entity/EntityType.cs`), those this server creates. */
export const ENTITY_TYPE = { NonPlayer: 0, Mount: 7, MailBox: 12, Player: 20, Pet: 24 } as const;

/** Create flags (8 bits; NexusForever `Game.Static/Entity/EntityCreateFlag.cs`). NexusForever sends players with none. */
export const ENTITY_CREATE_FLAG = { None: 0, SpawnAnimation: 0x01, NoSpawnAnimation: 0x02, Vendor: 0x04 } as const;

/** Unit stats (5 bits; NexusForever `Game.Static/Entity/Stat.cs`), those this server sends. */
export const STAT = { Health: 0, Resource0: 2, Dash: 9, Level: 10, Sheathed: 15 } as const;

/** How a stat's value is written (2 bits; NexusForever `Game.Static/Entity/StatType.cs`). */
export const STAT_TYPE = { Integer: 0, Float: 1, Data: 2 } as const;

/** Unit properties (8 bits; NexusForever `Game.Static/Entity/Property.cs`), those this server sends. */
export const PROPERTY = { BaseHealth: 7, MoveSpeedMultiplier: 100, JumpHeight: 129, GravityMultiplier: 130 } as const;

/** A player's model (NexusForever `Source/NexusForever.Network.World/Entity/Model/PlayerEntityModel.cs`). */
const playerModel = {
  characterId: t.u64,
  realmId: t.uint(14),
  name: t.wstring({ max: 64 }),
  race: t.uint(WIRE_BITS.race),
  class: t.uint(WIRE_BITS.class),
  sex: t.uint(WIRE_BITS.sex),
  groupId: t.u64,
  petIds: t.array(t.u8, t.u32),
  guildName: t.wstring({ max: 64 }),
  guildType: t.uint(4),
  guildIds: t.array(t.uint(5), t.u64),
  bones: t.array(t.uint(6), t.f32),
  /** PvPFlag, 3 bits: Disabled 0. */
  pvpFlag: t.uint(3),
  unknown4C: t.u8,
  titleId: t.uint(WIRE_BITS.titleId),
};

/**
 * A creature's model (NexusForever `Source/NexusForever.Network.World/Entity/Model/NonPlayerEntityModel.cs`):
 * its Creature2 id, 18 bits, and the quest checklist index.
 */
const nonPlayerModel = {
  creatureId: t.uint(18),
  questChecklistIdx: t.u8,
};

/** A mailbox's model: only its Creature2 id, 18 bits (NexusForever `Source/NexusForever.Network.World/Entity/Model/MailboxEntityModel.cs`). */
const mailboxModel = {
  creatureId: t.uint(18),
};

/**
 * A mount's model (NexusForever `Source/NexusForever.Network.World/Entity/Model/MountEntityModel.cs`):
 * u18 Creature2 id, u14 UnitVehicle, u32 owner unit, u3 count + passengers {u2 seat type, u3 seat
 * position, u32 unit} (`Model/Shared/VehiclePassenger.cs`).
 */
const mountModel = {
  creatureId: t.uint(WIRE_BITS.creatureId),
  unitVehicleId: t.uint(WIRE_BITS.unitVehicleId),
  ownerId: t.u32,
  passengers: t.array(t.uint(3), t.struct({ seatType: t.uint(2), seatPosition: t.uint(3), unitId: t.u32 })),
};

/**
 * A vanity pet's model (NexusForever `Source/NexusForever.Network.World/Entity/Model/PetEntityModel.cs`):
 * u18 Creature2 id, u32 owner unit, u15 unknown (NF 0), ws name.
 */
const petModel = {
  creatureId: t.uint(WIRE_BITS.creatureId),
  ownerId: t.u32,
  unknown1: t.uint(15),
  name: t.wstring({ max: 64 }),
};

/** A stat's initial value: 5-bit stat, then a 2-bit {@link STAT_TYPE} choosing u32, f32, or u32 + u32 (NexusForever `Model/Shared/StatValueInitial.cs`). */
const statInitial = t.struct({
  stat: t.uint(5),
  value: t.union({
    key: "type",
    tag: t.uint(2),
    variants: {
      [STAT_TYPE.Integer]: { value: t.u32 },
      [STAT_TYPE.Float]: { value: t.f32 },
      [STAT_TYPE.Data]: { value: t.u32, data: t.u32 },
    },
  }),
});

/** A property: 8-bit id, base and current value (NexusForever `Model/Shared/PropertyValue.cs`). */
const propertyValue = t.struct({ property: t.u8, baseValue: t.f32, value: t.f32 });

/** The three option blocks at the end of the create: a 2-bit type, then one bit for type 0 or type 1's fields. */
const NONE = { unknown0: t.bool };

/**
 * Creates a unit on the client: sent to every player that comes to see it, the player's own unit
 * included (NexusForever `Source/NexusForever.Network.World/Message/Model/ServerEntityCreate.cs`,
 * filled by `Source/NexusForever.Game/Entity/WorldEntity.cs` BuildCreatePacket). Layout: u32 unit
 * id, u6 {@link ENTITY_TYPE} with the type's model, u8 create flags, u5 count of stats, u32 the
 * unit's movement clock (ms), u5 count of entity commands (its position, rotation...), u8 count of
 * properties, u7 count of visible items, u9 count of spell init data (always 0: NexusForever's
 * writer for it throws, so its layout is unknown), u32 current spell, u14 + u14 factions, u32 unit
 * tag owner, u64 group tag owner, three 2-bit option blocks (vendor info, world placement, target
 * cluster), u14 minimap marker, u17 display info, u15 outfit info.
 */
export const ServerEntityCreate = definePacket({
  name: "ServerEntityCreate",
  opcode: 0x0262,
  origin: "genuine",
  direction: "server",
  fields: {
    unitId: t.u32,
    entity: t.union({
      key: "type",
      tag: t.uint(6),
      variants: {
        [ENTITY_TYPE.NonPlayer]: nonPlayerModel,
        [ENTITY_TYPE.Mount]: mountModel,
        [ENTITY_TYPE.MailBox]: mailboxModel,
        [ENTITY_TYPE.Player]: playerModel,
        [ENTITY_TYPE.Pet]: petModel,
      },
    }),
    createFlags: t.u8,
    stats: t.array(t.uint(5), statInitial),
    time: t.u32,
    commands: t.array(t.uint(5), entityCommand),
    properties: t.array(t.u8, propertyValue),
    visibleItems: t.array(t.uint(7), itemVisual),
    spellInit: t.array(t.uint(9), t.struct({}), { max: 0 }),
    currentSpellUniqueId: t.u32,
    faction1: t.uint(WIRE_BITS.factionId),
    faction2: t.uint(WIRE_BITS.factionId),
    unitTagOwner: t.u32,
    groupTagOwner: t.u64,
    /** NexusForever-NEW VendorInfo: type 1 carries a 17-bit interaction prerequisite. */
    vendorInfo: t.union({ key: "type", tag: t.uint(2), variants: { 0: NONE, 1: { vendorInteractionPrerequisiteId: t.uint(17) } } }),
    /** Type 1 for world props: active prop id and world socket. */
    worldPlacement: t.union({ key: "type", tag: t.uint(2), variants: { 0: NONE, 1: { activePropId: t.u64, socketId: t.uint(14) } } }),
    /** NexusForever-NEW TargetClusterInfo. */
    targetClusterInfo: t.union({ key: "type", tag: t.uint(2), variants: { 0: NONE, 1: { clusterId: t.u32, unknown2: t.uint(18) } } }),
    miniMapMarker: t.uint(14),
    displayInfo: t.uint(17),
    outfitInfo: t.uint(15),
  },
});
