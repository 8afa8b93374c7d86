import { checkCharacterCreation, MAX_CHARACTERS_PER_ACCOUNT, type CharacterChoice } from "@bezgelor/core";
import { characterChoiceLabel, worldPositionSchema } from "@bezgelor/data";
import { z } from "zod";
import type { GameRules } from "../actions/action.js";
import { runTransaction, type DbClient } from "../client.js";
import { DB_ERROR_CODES, DbError, isForeignKeyViolation, toDbError, isUniqueViolation } from "../errors.js";
import type { Character } from "../generated/prisma/client";
import { CharacterNameSchema, IdSchema, Int32Schema, parseInput } from "../validation.js";

/** Highest character level; mirrors the CHECK constraint in the init migration. */
export const MAX_CHARACTER_LEVEL = 50;

/** Options for {@link createCharacter}. */
export interface CreateCharacterOptions {
  /** The game data: race, class, sex and faction must be a choice of its `characterCreations`. */
  rules: Pick<GameRules, "data">;
  accountId: number;
  name: string;
  race: number;
  class: number;
  sex: number;
  faction: number;
  worldId?: number;
  zoneId?: number;
  /** Where it starts (metres, y up); the origin when left out. */
  position?: { x: number; y: number; z: number };
  /** Its facing, radians. */
  yaw?: number;
  level?: number;
}

const InputSchema = z.object({
  accountId: IdSchema,
  name: CharacterNameSchema,
  race: Int32Schema,
  class: Int32Schema,
  sex: Int32Schema,
  faction: Int32Schema,
  worldId: Int32Schema.default(0),
  zoneId: Int32Schema.default(0),
  position: worldPositionSchema.default({ x: 0, y: 0, z: 0 }),
  yaw: z
    .number()
    .min(-2 * Math.PI)
    .max(2 * Math.PI)
    .default(0),
  level: z.number().int().min(1).max(MAX_CHARACTER_LEVEL).default(1),
});

/** Throws CHARACTER_CREATION_NOT_OFFERED unless `choice` is a choice of the character-creation screen. */
function requireOfferedChoice(rules: Pick<GameRules, "data">, choice: CharacterChoice): void {
  const decision = checkCharacterCreation(rules.data.characterCreations.all(), choice);
  if (decision.ok) return;
  const { race, sex, faction } = choice;
  const offered = decision.offered.map((c) => ({ race: c.race, class: c.class, sex: c.sex, faction: c.factionId }));
  // Named from the game data, ids kept: "Mordesh (race 16), Esper (class 3), ..." (details keep the ids alone).
  const label = (c: CharacterChoice) => characterChoiceLabel(rules.data.factions, c);
  throw new DbError(
    DB_ERROR_CODES.CHARACTER_CREATION_NOT_OFFERED,
    `${label(choice)} is not a character-creation choice; offered instead: ${offered.map(label).join("; ")}`,
    { details: { race, class: choice.class, sex, faction, offered } },
  );
}

/**
 * Creates a character. The name keeps its letter case for display; uniqueness ignores case.
 * Its race, class, sex and faction must be a choice of the character-creation screen (the game
 * data's `characterCreations`, core checkCharacterCreation), whoever asks: the genuine client
 * names a choice, the CLI and other services are held to the same ones.
 * An account holds at most MAX_CHARACTERS_PER_ACCOUNT (12) characters: the account row is locked
 * (`FOR UPDATE`) before counting, so racing creates on one account queue and can never pass the
 * limit together.
 * Throws DbError CHARACTER_CREATION_NOT_OFFERED (naming race, class, sex and faction from the
 * game data with their ids, "Mordesh (race 16)", and listing what is offered instead),
 * CHARACTER_LIMIT_REACHED, NAME_TAKEN, ACCOUNT_NOT_FOUND, INVALID_INPUT (name not 3..24 letters,
 * negative ids, level outside 1..50, a position outside the world); nothing is created then.
 */
export async function createCharacter(db: DbClient, options: CreateCharacterOptions): Promise<Character> {
  const { rules, ...fields } = options;
  const input = parseInput(InputSchema, fields);
  requireOfferedChoice(rules, input);
  try {
    return await runTransaction(db, async (tx) => {
      const locked = await tx.$queryRaw<Array<{ id: number }>>`SELECT "id" FROM "accounts" WHERE "id" = ${input.accountId} FOR UPDATE`;
      if (locked.length === 0) {
        throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account with id ${input.accountId}`, { details: { accountId: input.accountId } });
      }
      const held = await tx.character.count({ where: { accountId: input.accountId } });
      if (held >= MAX_CHARACTERS_PER_ACCOUNT) {
        throw new DbError(DB_ERROR_CODES.CHARACTER_LIMIT_REACHED, `The account already has ${held} characters; the limit is ${MAX_CHARACTERS_PER_ACCOUNT}`, {
          details: { accountId: input.accountId, held, limit: MAX_CHARACTERS_PER_ACCOUNT },
        });
      }
      const { position, yaw, ...rest } = input;
      return tx.character.create({
        data: { ...rest, nameKey: input.name.toLowerCase(), positionX: position.x, positionY: position.y, positionZ: position.z, rotationX: yaw },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error, "characters_name_key_key", ["name_key"])) {
      throw new DbError(DB_ERROR_CODES.NAME_TAKEN, `The name ${input.name} is taken`, { cause: error, details: { name: input.name } });
    }
    if (isForeignKeyViolation(error)) {
      throw new DbError(DB_ERROR_CODES.ACCOUNT_NOT_FOUND, `No account with id ${input.accountId}`, {
        cause: error,
        details: { accountId: input.accountId },
      });
    }
    throw toDbError(error, "Creating the character failed");
  }
}
