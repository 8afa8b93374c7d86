import { WorldError } from "../errors";

/** Reads a whole number argument, refusing anything else with the command's usage. */
export function intArg(value: string | undefined, name: string, usage: string, range: { min: number; max: number }): number {
  if (value === undefined || !/^[-+]?\d+$/.test(value)) throw new WorldError("INVALID_INPUT", `${name} must be a whole number; usage: ${usage}`);
  // Long digit strings are whole numbers too, only out of range (Number keeps their order exactly enough).
  const n = Number(value);
  if (n < range.min || n > range.max) throw new WorldError("INVALID_INPUT", `${name} must be ${range.min} to ${range.max}; usage: ${usage}`);
  return n;
}

/** Splits "!title grant 1001" into the command word and its arguments. */
export function parseCommand(text: string): { name: string; args: string[] } {
  const [head = "", ...args] = text.trim().slice(1).split(/\s+/);
  return { name: head.toLowerCase(), args };
}
