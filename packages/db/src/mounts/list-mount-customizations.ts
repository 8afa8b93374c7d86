import { z } from "zod";
import type { DbClient } from "../client.js";
import { toDbError } from "../errors.js";
import { IdSchema, parseInput } from "../validation.js";
import type { MountCustomizationRecord } from "./mount-customization-record.js";

const Input = z.object({ characterId: IdSchema, mountId: IdSchema.optional() });

/**
 * The customisations a character has made, by mount id (one mount when `mountId` is given). A mount
 * it never customised has no record: use core `emptyMountCustomization`. Throws DbError INVALID_INPUT.
 */
export async function listMountCustomizations(db: DbClient, options: { characterId: number; mountId?: number }): Promise<MountCustomizationRecord[]> {
  const { characterId, mountId } = parseInput(Input, options);
  try {
    const rows = await db.mountCustomization.findMany({
      where: { characterId, ...(mountId === undefined ? {} : { mountId }) },
      select: { characterId: true, mountId: true, flair: true, dyes: true, upgrades: true, tricks: true },
      orderBy: { mountId: "asc" },
    });
    return rows;
  } catch (error) {
    throw toDbError(error, `Reading the mount customisations of character ${characterId} failed`);
  }
}
