import { ServerChat, ServerRequestResult, t } from "@bezgelor/protocol";
import { describe, expect, it } from "vitest";
import { fitText } from "./fit-text";

describe("fitText", () => {
  it("keeps text that fits and cuts longer text to the field's limit with an ellipsis", () => {
    expect(fitText(ServerRequestResult.fields.message, "short")).toBe("short");
    const exact = "x".repeat(1024);
    expect(fitText(ServerChat.fields.text, exact)).toBe(exact);
    const cut = fitText(ServerRequestResult.fields.message, `unknown command !${"x".repeat(1100)}`);
    expect(cut).toHaveLength(1024);
    expect(cut.endsWith("…")).toBe(true);
    expect(() => ServerRequestResult.encode({ requestOpcode: 1, code: 1, message: cut })).not.toThrow();
  });

  it("never splits a surrogate pair", () => {
    const field = t.wstring({ max: 4 });
    expect(fitText(field, "ab😀cd")).toBe("ab…");
    expect(fitText(field, "abc😀")).toBe("abc…");
  });

  it("refuses a field that is not a wide string", () => {
    expect(() => fitText(t.u32 as never, "x")).toThrow(TypeError);
  });
});
