/**
 * JSON for CLI output: bigints as strings (gold), dates as ISO strings, Buffers as hex; indented
 * by `indent` spaces (0: one line).
 */
export function toJson(value: unknown, indent = 2): string {
  return JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v === "bigint") return v.toString();
      if (v && typeof v === "object" && (v as { type?: string }).type === "Buffer") {
        return Buffer.from((v as { data: number[] }).data).toString("hex");
      }
      return v;
    },
    indent,
  );
}
