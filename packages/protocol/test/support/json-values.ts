/**
 * Packet values in JSON fixtures: bigints as `{ "$bigint": "123" }`, byte arrays as
 * `{ "$bytes": "00ff" }`; everything else is plain JSON.
 */
export function fromJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromJson);
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    if (typeof record["$bigint"] === "string") return BigInt(record["$bigint"]);
    if (typeof record["$bytes"] === "string") return Buffer.from(record["$bytes"], "hex");
    return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, fromJson(v)]));
  }
  return value;
}

export function toJson(value: unknown): unknown {
  if (typeof value === "bigint") return { $bigint: value.toString() };
  if (value instanceof Uint8Array) return { $bytes: Buffer.from(value).toString("hex") };
  if (Array.isArray(value)) return value.map(toJson);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJson(v)]));
  }
  return value;
}
