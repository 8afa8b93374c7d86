// `bezgelor store import --file` with a name or description players must not be shown (a
// bidirectional override, a control character): exit 2 naming the file, the offer and the field,
// and nothing imported. A fresh-user tester imported an offer named with U+202E.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cliHarness } from "./support/cli";

const harness = cliHarness("cli-store-import-text");
const { cli, dir } = harness;

/** A catalog file of one mount offer (7201) in one category, with `offer` changes. */
function catalogFile(label: string, offer: Record<string, unknown>, category: Record<string, unknown> = {}): string {
  const file = join(dir, `${label}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      categories: [{ id: 71, name: "Imported", ...category }],
      offers: [{ id: 7201, categoryId: 71, name: "Woolie", kind: "mount", grants: [{ kind: "mount", mountId: 1001 }], prices: { premium: 5 }, ...offer }],
    }),
  );
  return file;
}

describe("bezgelor store import of text players are shown", () => {
  it("refuses control and bidirectional-override characters in names and descriptions, naming file, offer and field, importing nothing", async () => {
    const cases: Array<[string, Record<string, unknown>, Record<string, unknown>, string]> = [
      ["rlo-name", { name: "Woolie \u202egnp.exe" }, {}, "offer id 7201: name: must not hold U+202E"],
      ["isolate-name", { name: "\u2066Woolie" }, {}, "offer id 7201: name: must not hold U+2066"],
      ["bell-description", { description: "ring \u0007" }, {}, "offer id 7201: description: must not hold U+0007"],
      ["category-name", {}, { name: "Imported\u202a" }, "category id 71: name: must not hold U+202A"],
    ];
    for (const [label, offer, category, said] of cases) {
      const file = catalogFile(label, offer, category);
      const refused = await cli("store", "import", "--file", file);
      expect(refused.code, `${label}: ${refused.stderr}`).toBe(2);
      expect(refused.stderr).toContain(`error: ${file}: ${said}, a control or bidirectional-override character; nothing imported [USAGE]`);
    }
    expect((await cli("store", "offer", "show", "--offer", "7201")).code).toBe(3);
    // Shown text, a description of several lines included, is imported.
    const fine = await cli("store", "import", "--file", catalogFile("fine", { name: "Wöolie", description: "Fluffy.\nDependable." }), "--json");
    expect(fine.code, fine.stderr).toBe(0);
    expect(fine.json()).toMatchObject({ offers: { created: [7201] } });
  }, 120_000);
});
