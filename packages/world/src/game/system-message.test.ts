import { describe, expect, it } from "vitest";
import { chatPieces } from "./system-message";

describe("chatPieces", () => {
  it("keeps text that fits as one piece, empty text included", () => {
    expect(chatPieces("a\nb", 10)).toEqual(["a\nb"]);
    expect(chatPieces("", 10)).toEqual([""]);
  });

  it("splits between lines, keeping lines together while they fit", () => {
    expect(chatPieces("aaaa\nbbbb\ncccc", 9)).toEqual(["aaaa\nbbbb", "cccc"]);
    expect(chatPieces("aaaa\nbbbb\ncccc", 8)).toEqual(["aaaa", "bbbb", "cccc"]);
  });

  it("loses no line of a reply longer than one ServerChat (1024)", () => {
    const lines = Array.from({ length: 60 }, (_, i) => `!command${i} <arg>: does thing number ${i}`);
    const pieces = chatPieces(lines.join("\n"));
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(1024);
    expect(pieces.join("\n")).toBe(lines.join("\n"));
  });

  it("cuts only a single line longer than a piece, with an ellipsis", () => {
    const [first, second] = chatPieces(`${"x".repeat(2000)}\nshort`);
    expect(first).toHaveLength(1024);
    expect(first?.endsWith("…")).toBe(true);
    expect(second).toBe("short");
  });
});
