import { WorldError } from "../../errors";
import { str, type OptionValues } from "../command";
import { parseWholeNumber } from "../whole-number";

/** The options `collection show` and `collection grant` share. */
export const collectionOptions = {
  email: { type: "string", description: "the account's login email", required: true },
  character: { type: "string", description: "character name (show: its own collection too; grant: only that character gets it)" },
} as const;

/** What `--mount ID`, `--pet ID` or `--vanity-pet ID` names. */
export function collectibleOption(o: OptionValues): { collectibleType: "mount" | "pet" | "vanity_pet"; collectibleId: number } {
  const given = (["mount", "pet", "vanity-pet"] as const).filter((k) => typeof o[k] === "string");
  if (given.length !== 1) throw new WorldError("USAGE", "give exactly one of --mount ID, --pet ID, --vanity-pet ID");
  const key = given[0] ?? "mount";
  const raw = str(o, key);
  return { collectibleType: key === "vanity-pet" ? "vanity_pet" : key, collectibleId: parseWholeNumber(key, raw, 1, 2_147_483_647) };
}
