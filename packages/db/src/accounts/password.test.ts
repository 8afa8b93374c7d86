import { describe, expect, it } from "vitest";
import { checkPassword, hashPassword } from "./password.js";

describe("password hashing", () => {
  it("round-trips and rejects a wrong password", async () => {
    const hash = await hashPassword("hunter2 hunter2");
    await expect(checkPassword("hunter2 hunter2", hash)).resolves.toBe(true);
    await expect(checkPassword("hunter2 hunter3", hash)).resolves.toBe(false);
  });

  it("reads its parameters from the stored string, so older costs still verify", async () => {
    const hash = await hashPassword("abcdefgh");
    const [, , , , salt, key] = hash.split("$");
    expect(hash.startsWith("scrypt$16384$8$1$")).toBe(true);
    // a different cost is a different hash
    await expect(checkPassword("abcdefgh", `scrypt$1024$8$1$${salt}$${key}`)).resolves.toBe(false);
  });

  it.each(["", "bcrypt$x", "scrypt$0$8$1$a$b", "scrypt$16384$8$1$c2FsdA==$c2hvcnQ=", "scrypt$99999999$8$1$a$b"])(
    "treats a malformed or absurd hash %j as no match",
    async (stored) => {
      await expect(checkPassword("abcdefgh", stored)).resolves.toBe(false);
    },
  );
});
