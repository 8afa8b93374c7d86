import type { Codec } from "@bezgelor/protocol";

/**
 * `text` cut to the length a wide-string field of a server packet carries (its `max`, in UTF-16 code
 * units, read from the packet definition), ending in "…" when cut and never splitting a surrogate
 * pair, so a reply built from input (an echoed command, a long refusal) always encodes.
 * @throws TypeError when `field` is not a wide-string field (a programming error).
 */
export function fitText(field: Codec<string>, text: string): string {
  const { shape } = field;
  if (shape.kind !== "wstring") throw new TypeError(`fitText needs a wide-string field, got ${shape.kind}`);
  if (text.length <= shape.max) return text;
  if (shape.max === 0) return "";
  let end = shape.max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  return `${text.slice(0, end)}…`;
}
