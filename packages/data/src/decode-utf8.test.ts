import { describe, expect, it } from "vitest";
import { decodeUtf8 } from "./decode-utf8";

describe("decodeUtf8", () => {
  it("decodes ASCII", () => {
    expect(decodeUtf8(Buffer.from('{"name":"Deradune"}', "utf8"))).toBe('{"name":"Deradune"}');
  });

  it("decodes multi-byte UTF-8 as UTF-8, not byte by byte", () => {
    const text = '{"name":"Drusera’s Æther — 雪"}';
    expect(decodeUtf8(Buffer.from(text, "utf8"))).toBe(text);
  });

  it("keeps a byte order mark, as Buffer#toString does", () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("{}")]);
    expect(decodeUtf8(bytes)).toBe("\uFEFF{}");
  });

  it("decodes a view into a larger buffer from its own offset", () => {
    const whole = Buffer.from("xx[1]yy", "utf8");
    expect(decodeUtf8(whole.subarray(2, 5))).toBe("[1]");
  });
});
