// What the CLI's own commands log (pino's JSON lines) as an operator reads it on stderr: one line
// each, among the commands' one-line messages. `serve`, `--json` and an explicit BEZGELOR_LOG_LEVEL
// keep pino's JSON (a log collector reads those).

/** pino's numeric levels as words. */
const LEVEL_NAMES: Readonly<Record<number, string>> = { 10: "trace", 20: "debug", 30: "info", 40: "warning", 50: "error", 60: "fatal" };

/** Fields every line carries that say nothing to the operator running the command. */
const HIDDEN = new Set(["level", "time", "pid", "hostname", "name", "msg", "command"]);

function shown(value: unknown): string {
  if (typeof value === "string") return /[\s,=()]/.test(value) || value === "" ? JSON.stringify(value) : value;
  if (typeof value === "object" && value !== null) {
    const message = (value as { message?: unknown }).message;
    return typeof message === "string" ? JSON.stringify(message) : JSON.stringify(value);
  }
  return String(value);
}

/**
 * One pino JSON line as `warning: <message> (key=value, …)` plus a newline; the error of `err` by
 * its message only (no stack). A line that is not pino's JSON comes back as it was.
 */
export function humanLogLine(line: string): string {
  let record: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(line);
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return line;
    record = parsed as Record<string, unknown>;
  } catch {
    return line;
  }
  const level = typeof record.level === "number" ? (LEVEL_NAMES[record.level] ?? `level ${record.level}`) : "log";
  const fields = Object.entries(record)
    .filter(([key, value]) => !HIDDEN.has(key) && value !== undefined)
    .map(([key, value]) => `${key}=${shown(value)}`);
  const message = typeof record.msg === "string" ? record.msg : "";
  return `${level}: ${message}${fields.length > 0 ? ` (${fields.join(", ")})` : ""}\n`;
}
