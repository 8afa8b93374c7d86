import { definePacket } from "../../schema/packet";
import { t } from "../../schema/types";

/** What a ClientPetNickname names, u1: a vanity pet or a combat pet. */
export const PET_NICKNAME_KIND = { VanityPet: 0, CombatPet: 1 } as const;

/**
 * Extension 0xF051: name an owned pet. `kind` u1 ({@link PET_NICKNAME_KIND}), `petId` u32 (its id in
 * the collection), `nickname` ws (1-20 characters; empty clears it). Others see the name on the pet
 * unit. The genuine rename 0x068C is for scanbots only.
 */
export const ClientPetNickname = definePacket({
  name: "ClientPetNickname",
  opcode: 0xf051,
  origin: "extension",
  direction: "client",
  fields: { kind: t.uint(1), petId: t.u32, nickname: t.wstring({ max: 64 }) },
});
