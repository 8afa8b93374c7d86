import { readFile } from "node:fs/promises";
import { storeCatalogTextProblem } from "@bezgelor/core";
import { DataError, GAME_DATA_TABLES, parseStoreCatalog, storeCatalogOf } from "@bezgelor/data";
import { importStoreCatalog } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand } from "../command";
import { opt } from "./store-view";

export const storeImport = defineCommand({
  path: ["store", "import"],
  role: "admin",
  summary:
    "import a store catalog (default: the game data's store-catalog.json); updates offers it created, keeps operators' (exit 2 naming file, id and field for a bad file)",
  options: { file: { type: "string", description: "a store catalog JSON file ({ categories, offers })" } },
  printsData: true,
  async run(ctx, o) {
    const rules = await ctx.loadRules();
    const file = opt(o, "file");
    let catalog;
    try {
      if (file === undefined) catalog = storeCatalogOf(rules.data);
      else {
        let raw: unknown;
        try {
          raw = JSON.parse(await readFile(file, "utf8"));
        } catch (error) {
          throw new WorldError("USAGE", `${file}: cannot read it as JSON (${(error as Error).message})`, { cause: error });
        }
        catalog = parseStoreCatalog(raw, rules.data, file);
      }
    } catch (error) {
      if (error instanceof DataError) throw new WorldError("USAGE", `${error.message}; nothing imported`, { cause: error, details: { ...error.details } });
      throw error;
    }
    // Names and descriptions are shown to every player: the rule of all shown text, said with the
    // file, the entry and the field before the database is opened (importStoreCatalog holds to it too).
    const problem = storeCatalogTextProblem(catalog);
    if (problem) {
      const { entry, id, field, character } = problem;
      const source = file ?? GAME_DATA_TABLES.storeOffers.file;
      throw new WorldError(
        "USAGE",
        `${source}: ${entry} id ${id}: ${field}: must not hold ${character}, a control or bidirectional-override character; nothing imported`,
        {
          details: { file: source, ...problem },
        },
      );
    }
    const { client } = await ctx.openDatabase();
    const report = await importStoreCatalog(client, { catalog });
    ctx.print(report, (r: typeof report) =>
      [
        `offers: ${r.offers.created.length} created, ${r.offers.updated.length} updated, ${r.offers.unchanged.length} unchanged, ${r.offers.keptOperator.length} kept (operator's: ${r.offers.keptOperator.join(", ") || "none"})`,
        `categories: ${r.categories.created.length} created, ${r.categories.updated.length} updated, ${r.categories.unchanged.length} unchanged, ${r.categories.keptOperator.length} kept`,
      ].join("\n"),
    );
  },
});
