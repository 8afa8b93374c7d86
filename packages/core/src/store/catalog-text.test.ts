import { describe, expect, it } from "vitest";
import { storeCatalogTextProblem } from "./catalog-text";

const category = { id: 1, name: "Mounts", description: "" };
const offer = { id: 101, name: "Woolie", description: "A fluffy mount.\nDependable." };
const catalog = (o: Partial<typeof offer>, c: Partial<typeof category> = {}) => ({
  categories: [{ ...category, ...c }] as never,
  offers: [{ ...offer, ...o }] as never,
});

describe("storeCatalogTextProblem", () => {
  it("passes names and descriptions of shown text, a description of several lines included", () => {
    expect(storeCatalogTextProblem(catalog({}))).toBeUndefined();
    expect(storeCatalogTextProblem(catalog({ name: "Wöolie 😀 مرحبا" }))).toBeUndefined();
  });

  it("names the offer or category, the field and the character: bidirectional controls, C0/C1 controls, a line break in a name", () => {
    expect(storeCatalogTextProblem(catalog({ name: "Woolie \u202egnp.exe" }))).toEqual({ entry: "offer", id: 101, field: "name", character: "U+202E" });
    expect(storeCatalogTextProblem(catalog({ name: "\u2066Woolie" }))).toEqual({ entry: "offer", id: 101, field: "name", character: "U+2066" });
    expect(storeCatalogTextProblem(catalog({ name: "Woo\nlie" }))).toEqual({ entry: "offer", id: 101, field: "name", character: "U+000A" });
    expect(storeCatalogTextProblem(catalog({ description: "ring \u0007" }))).toEqual({ entry: "offer", id: 101, field: "description", character: "U+0007" });
    expect(storeCatalogTextProblem(catalog({ description: "next\u0085" }))).toEqual({ entry: "offer", id: 101, field: "description", character: "U+0085" });
    expect(storeCatalogTextProblem(catalog({}, { description: "\u202a" }))).toEqual({ entry: "category", id: 1, field: "description", character: "U+202A" });
  });
});
