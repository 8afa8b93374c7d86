// A store catalog's names and descriptions are shown to every player who opens the store, so they
// follow the rule of all shown text (unshownCharacter): an override in an offer's name would show
// players other words than the operator reviewed. Checked on every import, whatever the source.
import type { StoreCatalog } from "@bezgelor/data";
import { unshownCharacter } from "../text/unshown-characters";

/** The first name or description of a store catalog that is not shown text. */
export interface StoreCatalogTextProblem {
  readonly entry: "offer" | "category";
  readonly id: number;
  readonly field: "name" | "description";
  /** The first character refused, written U+XXXX. */
  readonly character: string;
}

/**
 * The first offer or category (categories first, each in file order) whose name holds a control
 * character, a line break or a bidirectional override, or whose description holds one other than
 * a line feed (a description may run over several lines, as a mail body may); undefined when all
 * are shown text. Never throws.
 */
export function storeCatalogTextProblem(catalog: Pick<StoreCatalog, "categories" | "offers">): StoreCatalogTextProblem | undefined {
  const entries = [...catalog.categories.map((c) => ({ entry: "category" as const, ...c })), ...catalog.offers.map((o) => ({ entry: "offer" as const, ...o }))];
  for (const { entry, id, name, description } of entries) {
    const inName = unshownCharacter(name);
    if (inName !== undefined) return { entry, id, field: "name", character: inName };
    const inDescription = unshownCharacter(description, { lineFeeds: true });
    if (inDescription !== undefined) return { entry, id, field: "description", character: inDescription };
  }
  return undefined;
}
