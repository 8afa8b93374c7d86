/**
 * Characters a chat line may not hold: C0 and C1 control characters (the bell, escape, a line
 * break) and the bidirectional embedding, override and isolate controls (U+202A-U+202E,
 * U+2066-U+2069), which reorder every character after them for everyone who reads the line: a
 * right-to-left override makes a line show other text than was typed.
 */
// eslint-disable-next-line no-control-regex
const UNSHOWN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/** Why a chat line is not text to show other players, or undefined when it is (it is not empty after trimming). */
export function chatTextProblem(text: string): string | undefined {
  if (text.trim().length === 0) return "the line is empty";
  const found = UNSHOWN.exec(text);
  if (found) return `the line holds U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}, a control character`;
  return undefined;
}
