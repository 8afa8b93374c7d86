// What player text shown to other players (a chat line, a mail's subject and body) may not hold.
// One rule for every kind of text, so a character refused in chat cannot travel by mail instead.

/**
 * C0 and C1 control characters (the bell, escape, a line break, the carriage return, tab), the line
 * and paragraph separators (U+2028, U+2029), the bidirectional embedding, override and isolate
 * controls (U+202A-U+202E, U+2066-U+2069), which reorder every character after them for everyone
 * who reads the text (a right-to-left override makes a line show other text than was typed), and
 * a UTF-16 surrogate that is not half of a pair (no character at all: UTF-8 and JSON cannot carry
 * it, so the database refuses or alters it). With the `u` flag a surrogate pair is one code point
 * and never matches; only a lone half does.
 */
// eslint-disable-next-line no-control-regex
const UNSHOWN = /[\u0000-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069\ud800-\udfff]/u;

/** {@link UNSHOWN} less the line feed, U+000A. */
// eslint-disable-next-line no-control-regex
const UNSHOWN_BUT_LINE_FEED = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069\ud800-\udfff]/u;

/**
 * The first character of `text` that is not shown text, written `U+XXXX`, or undefined when there
 * is none. With `lineFeeds`, "\n" passes (text of several lines); "\r" and tab never do: a line
 * break is "\n" alone, and a tab is shown at a different width by each reader of the text.
 */
export function unshownCharacter(text: string, { lineFeeds = false }: { lineFeeds?: boolean } = {}): string | undefined {
  const found = (lineFeeds ? UNSHOWN_BUT_LINE_FEED : UNSHOWN).exec(text);
  return found ? `U+${found[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : undefined;
}
