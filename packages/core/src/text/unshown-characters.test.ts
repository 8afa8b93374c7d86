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

  it("passes text of any script, emoji, joiners and directional marks (not overrides)", () => {
    for (const text of ["héllo", "مرحبا", "こんにちは", "👨‍👩‍👧", "\u200e\u200f"]) expect(unshownCharacter(text), text).toBeUndefined();
  });
});
