import { WorldError } from "../../errors";
import { str, type OptionValues } from "../command";

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
  const id = Number(raw);
  if (!/^\d+$/.test(raw) || id < 1 || id > 2_147_483_647) throw new WorldError("USAGE", `--${key} must be a positive whole id, got "${raw}"`);
  return { collectibleType: key === "vanity-pet" ? "vanity_pet" : key, collectibleId: id };
}
