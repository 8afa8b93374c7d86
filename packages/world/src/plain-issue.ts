// Validation issues in an operator's words (config refusals, the CLI's fallback for an action's
// input refusal): what the value must be, not the validator's own text.
import type { z } from "zod";

/**
 * What a value must be, for one validation issue: "must be at most 65535", "must be a finite
 * number", "must be one of classic, wildstar", "must be an email address". `raw` is the text the
 * operator gave, when known (an environment variable), to tell an infinite number from one that is
 * not a number at all.
 */
export function plainIssue(issue: z.core.$ZodIssue, raw?: string): string {
  switch (issue.code) {
    case "too_big":
      if (issue.origin === "string") return `must have at most ${issue.maximum} characters`;
      if (issue.origin === "array") return `must have at most ${issue.maximum} entries`;
      return `must be ${issue.inclusive === false ? "less than" : "at most"} ${issue.maximum}`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? "must not be empty" : `must have at least ${issue.minimum} characters`;
      if (issue.origin === "array") return `must have at least ${issue.minimum} entries`;
      return `must be ${issue.inclusive === false ? "more than" : "at least"} ${issue.minimum}`;
    case "invalid_type": {
      if (issue.expected === "int") return "must be a whole number";
      if (issue.expected === "object") return "must be an object ({ ... })";
      if (issue.expected !== "number") return `must be ${/^[aeiou]/.test(issue.expected) ? "an" : "a"} ${issue.expected}`;
      // A variable's text that is a number, but an infinite one (1e309); anything else not in digits.
      if (raw === undefined) return "must be a number";
      return Math.abs(Number(raw.trim())) === Infinity ? "must be a finite number" : "must be a number written in digits";
    }
    case "invalid_value":
      return `must be one of ${issue.values.map(String).join(", ")}`;
    case "invalid_format":
      // A pattern's own message says what it wants ("must be 3 to 24 letters (A-Z)").
      if (issue.format === "regex") return issue.message;
      return issue.format === "email" ? "must be an email address" : `must be a valid ${issue.format}`;
    default:
      return issue.message;
  }
}
