import { describe, expect, it } from "vitest";
import { intArg } from "./args";

describe("intArg", () => {
  const range = { min: 1, max: 1000 };
  it("reads a whole number in range", () => {
    expect(intArg("42", "amount", "!x <amount>", range)).toBe(42);
  });

  it("names the range for any whole number outside it, however long", () => {
    for (const value of ["0", "-1", "1001", "99999999999", "99999999999999999999999"]) {
      expect(() => intArg(value, "amount", "!x <amount>", range)).toThrow("amount must be 1 to 1000");
    }
  });

  it("says a non-number is not a whole number", () => {
    for (const value of [undefined, "", "abc", "1.5", "1e3", "0x10"]) {
      expect(() => intArg(value, "amount", "!x <amount>", range)).toThrow("amount must be a whole number");
    }
  });
});
