import { WIRE_BITS } from "@bezgelor/data";
import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/**
 * Creates a character (NexusForever `Model/Pregame/ClientCharacterCreate.cs`): the creation template,
 * the name, the path, customisation labels then values (one count), and bone sliders.
 */
export const ClientCharacterCreate = definePacket({
  name: "ClientCharacterCreate",
  opcode: 0x025b,
  origin: "genuine",
  direction: "client",
  fields: {
    characterCreationId: t.uint(WIRE_BITS.characterCreationId),
    name: t.wstring({ max: 64 }),
    path: t.uint(3),
    customisations: t.columns(t.u32, { label: t.u32, value: t.u32 }, { max: 256 }),
    bones: t.array(t.u32, t.f32, { max: 1024 }),
  },
});
