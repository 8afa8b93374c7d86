import { describe, expect, it } from "vitest";
import { humanLogLine } from "./log-line";

describe("humanLogLine", () => {
  it("turns pino's JSON line into one line: level, message, then the fields that say something", () => {
    const line = JSON.stringify({
      level: 40,
      time: 1,
      pid: 7,
      name: "bezgelor",
      command: "currency grant",
      code: "57P01",
      message: "terminating connection",
      alsoFailedSinceLastLine: 0,
      msg: "idle database connection failed",
    });
    expect(humanLogLine(`${line}\n`)).toBe(
      'warning: idle database connection failed (code=57P01, message="terminating connection", alsoFailedSinceLastLine=0)\n',
    );
  });

  it("names an error by its message, without its stack, and quotes nested objects as JSON", () => {
    const line = JSON.stringify({
      level: 50,
      msg: "lost",
      err: { type: "Error", message: "socket hang up", stack: "Error: socket hang up\n    at x" },
      holder: { pid: 12 },
    });
    expect(humanLogLine(line)).toBe('error: lost (err="socket hang up", holder={"pid":12})\n');
  });

  it("returns a line that is not pino's JSON as it was", () => {
    expect(humanLogLine("plain text\n")).toBe("plain text\n");
    expect(humanLogLine("[1,2]")).toBe("[1,2]");
  });
});
