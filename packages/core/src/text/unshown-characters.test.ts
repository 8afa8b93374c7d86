import { describe, expect, it } from "vitest";
import { unshownCharacter } from "./unshown-characters";

describe("unshownCharacter", () => {
  it("names the first control character or bidirectional control, as U+XXXX", () => {
    expect(unshownCharacter("ring \u0007 then \u202e")).toBe("U+0007");
    expect(unshownCharacter("c1 \u0085")).toBe("U+0085");
    expect(unshownCharacter("del \u007f")).toBe("U+007F");
    expect(unshownCharacter("embed \u202a")).toBe("U+202A");
    expect(unshownCharacter("isolate \u2069")).toBe("U+2069");
  });

  it("passes a line feed only when asked to, and never a carriage return or a tab", () => {
    expect(unshownCharacter("two\nlines")).toBe("U+000A");
    expect(unshownCharacter("two\nlines", { lineFeeds: true })).toBeUndefined();
    expect(unshownCharacter("two\r\nlines", { lineFeeds: true })).toBe("U+000D");
    expect(unshownCharacter("a\tb", { lineFeeds: true })).toBe("U+0009");
  });

  it("names a lone surrogate (half of a pair) and the line and paragraph separators, never a whole pair", () => {
    expect(unshownCharacter("a\ud800")).toBe("U+D800");
    expect(unshownCharacter("\udc00x")).toBe("U+DC00");
    expect(unshownCharacter("pair reversed \udfff\udbff")).toBe("U+DFFF");
    expect(unshownCharacter("line\u2028sep", { lineFeeds: true })).toBe("U+2028");
    expect(unshownCharacter("para\u2029sep")).toBe("U+2029");
    expect(unshownCharacter("max \udbff\udfff and 😀")).toBeUndefined();
  });

  it("passes text of any script, emoji, joiners and directional marks (not overrides)", () => {
    for (const text of ["héllo", "مرحبا", "こんにちは", "👨‍👩‍👧", "\u200e\u200f"]) expect(unshownCharacter(text), text).toBeUndefined();
  });
});
