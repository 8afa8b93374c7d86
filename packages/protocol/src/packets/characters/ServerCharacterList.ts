import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";
import { position } from "../shared/geometry";
import { identity } from "../shared/identity";
import { itemVisual } from "../shared/item";

/** One character of {@link ServerCharacterList} (NexusForever `ServerCharacterList.Character`). */
const characterListEntry = t.struct({
  id: t.u64,
  name: t.wstring({ max: 64 }),
  sex: t.uint(WIRE_BITS.sex),
  race: t.uint(WIRE_BITS.race),
  class: t.uint(WIRE_BITS.class),
  faction: t.u32,
  level: t.u32,
  appearance: t.array(t.u32, itemVisual, { max: 256 }),
  gear: t.array(t.u32, itemVisual, { max: 256 }),
  worldId: t.uint(WIRE_BITS.worldId),
  worldZoneId: t.uint(WIRE_BITS.worldZoneId),
  realmId: t.uint(14),
  location: t.struct({ position, yaw: t.f32, pitch: t.f32 }),
  path: t.uint(3),
  isLocked: t.bool,
  requiresRename: t.bool,
  gearMask: t.u32,
  /** Customisation labels then values, one 4-bit count. */
  customisations: t.columns(t.uint(4), { label: t.u32, value: t.u32 }),
  bones: t.array(t.u32, t.f32, { max: 1024 }),
  lastLoggedOutDays: t.f32,
});

/** The account's characters on this realm (NexusForever `Model/Pregame/ServerCharacterList.cs`). */
export const ServerCharacterList = definePacket({
  name: "ServerCharacterList",
  opcode: 0x0117,
  origin: "genuine",
  direction: "server",
  fields: {
    serverTime: t.u64,
    characters: t.array(t.u32, characterListEntry, { max: 64 }),
    enabledCharacterCreationIds: t.array(t.u32, t.u32, { max: 1024 }),
    disabledCharacterCreationIds: t.array(t.u32, t.u32, { max: 1024 }),
    realmId: t.uint(14),
    characterRemoveIdentity: identity,
    characterRemoveTime: t.u32,
    characterReservationCount: t.u32,
    maxNumberCharacters: t.u32,
    additionalCount: t.u32,
    factionRestriction: t.uint(WIRE_BITS.factionId),
    freeLevel50: t.bool,
  },
});
