import { describe, expect, it } from "vitest";
import { chatTextProblem } from "./chat-rules";

describe("chatTextProblem", () => {
  it("takes a line of any script, emoji and zero-width joiners included", () => {
    for (const line of ["hello there", "héllo wörld", "مرحبا", "こんにちは", "👨‍👩‍👧 family", "tab-free text"]) expect(chatTextProblem(line)).toBeUndefined();
  });

  it("refuses an empty line, control characters and bidirectional overrides, naming the character", () => {
    expect(chatTextProblem("   ")).toBe("the line is empty");
    expect(chatTextProblem("ring \u0007")).toBe("the line holds U+0007, a control character");
    expect(chatTextProblem("two\nlines")).toBe("the line holds U+000A, a control character");
    expect(chatTextProblem("c1 \u0085")).toBe("the line holds U+0085, a control character");
    expect(chatTextProblem("evil \u202egnp.exe")).toBe("the line holds U+202E, a control character");
    expect(chatTextProblem("isolate \u2066x")).toBe("the line holds U+2066, a control character");
  });
});
