import type { PrismaClient } from "../src/index.js";

/** `client`, calling `record` with the name and arguments of each of its `$` methods called (queries, transactions) before it runs. */
export function recordingClient(client: PrismaClient, record: (method: string, args: unknown[]) => void): PrismaClient {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof prop !== "string" || !prop.startsWith("$") || typeof value !== "function") return value;
      return (...args: unknown[]) => {
        record(prop, args);
        return Reflect.apply(value, target, args);
      };
    },
  });
}
