import { checkPetNickname } from "@bezgelor/core";
import { z } from "zod";
import { defineAction } from "../actions/action.js";
import { requireCollectible } from "../collections/unlock-collectible.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { IdSchema } from "../validation.js";
import { PET_KINDS, type CharacterPetRecord } from "./character-pet-record.js";
import { lockCharacterPet } from "./lock-character-pet.js";

const Input = z.object({
  characterId: IdSchema,
  kind: z.enum(PET_KINDS),
  petId: IdSchema,
  /** null clears the nickname; any other text is checked by core checkPetNickname (PET_NICKNAME_INVALID). */
  nickname: z.string().nullable(),
});

/** The input of {@link setPetNickname}. */
export type SetPetNicknameInput = z.input<typeof Input>;

/**
 * Names (or, with null, unnames) a combat or vanity pet the character owns; the name is kept with
 * the pet's progress, across summons. Emits pet.renamed when it changed. Throws DbError
 * PET_NICKNAME_INVALID (core checkPetNickname), UNKNOWN_GAME_DATA, CHARACTER_NOT_FOUND,
 * COLLECTIBLE_NOT_OWNED, INVALID_INPUT; nothing changes on any of them.
 */
export const setPetNickname = defineAction({
  name: "pet.set-nickname",
  input: Input,
  describe: (i) => `Naming ${i.kind} ${i.petId} of character ${i.characterId}`,
  async run(ctx, i): Promise<CharacterPetRecord> {
    requireCollectible(ctx.rules.data, i.kind, i.petId);
    if (i.nickname !== null && !checkPetNickname(i.nickname).ok) {
      throw new DbError(DB_ERROR_CODES.PET_NICKNAME_INVALID, "A pet name is 1 to 20 letters, digits, ' or -, with single spaces between words", {
        details: { nickname: i.nickname.slice(0, 64) },
      });
    }
    const { accountId, pet } = await lockCharacterPet(ctx, i.characterId, i.kind, i.petId);
    if (pet.nickname === i.nickname) return pet;
    await ctx.tx.$executeRaw`UPDATE "character_pets" SET "nickname" = ${i.nickname}, "updated_at" = ${ctx.now}
      WHERE "character_id" = ${i.characterId} AND "kind" = ${i.kind} AND "pet_id" = ${i.petId}`;
    ctx.emit({ kind: "pet.renamed", accountId, characterId: i.characterId, petKind: i.kind, petId: i.petId, nickname: i.nickname });
    ctx.step("pet.renamed");
    return { ...pet, nickname: i.nickname };
  },
});
