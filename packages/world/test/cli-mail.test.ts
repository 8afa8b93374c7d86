// `bezgelor mail send`: system mail from the CLI, idempotent with --key, with the documented exit codes.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cliHarness } from "./support/cli";

const { cli } = cliHarness("cli-mail");

const email = `mail-${randomUUID()}@example.test`;
const name = `Mail${randomUUID()
  .replace(/[^a-z]/g, "")
  .slice(0, 10)}`;

describe("bezgelor mail send", () => {
  it("sends system mail with gold and items, replays a retried key, refuses a reused one", async () => {
    expect((await cli("account", "create", "--email", email, "--password", "cli-password")).code).toBe(0);
    expect((await cli("character", "create", "--email", email, "--name", name)).code).toBe(0);
    const key = `comp-${randomUUID()}`;
    const args = [
      "mail",
      "send",
      "--to",
      name,
      "--subject",
      "Sorry",
      "--body",
      "For the outage",
      "--gold",
      "250",
      "--item",
      "30001:1",
      "--item",
      "30010:5",
      "--key",
      key,
    ];
    const sent = await cli(...args, "--json");
    expect(sent.code).toBe(0);
    expect(sent.json()).toMatchObject({ to: name, key, replayed: false });
    const retried = await cli(...args);
    expect(retried.code).toBe(0);
    expect(retried.stdout).toContain("already sent mail");
    const reused = await cli("mail", "send", "--to", name, "--subject", "Sorry", "--gold", "251", "--key", key);
    expect(reused.code).toBe(4);
    expect(reused.stderr).toContain("IDEMPOTENCY_KEY_REUSED");
    // Each CLI call opens the embedded database afresh (the first one creates and migrates it).
  }, 180_000);

  it("prints a generated key before sending, and refuses bad input with its exit code", async () => {
    const generated = await cli("mail", "send", "--to", name, "--subject", "Hello");
    expect(generated.code).toBe(0);
    expect(generated.stderr).toMatch(/idempotency key: mail-[0-9a-f-]{36}/);
    expect((await cli("mail", "send", "--to", "Nobodyhere", "--subject", "Hi")).code).toBe(3);
    expect((await cli("mail", "send", "--to", name, "--subject", "x".repeat(50))).code).toBe(2);
    expect((await cli("mail", "send", "--to", name, "--subject", "Hi", "--item", "30001")).code).toBe(2);
    expect((await cli("mail", "send", "--to", name, "--subject", "Hi", "--gold", "-1")).code).toBe(2);
  }, 120_000);

  it("refuses an item stack past the item's maxStack (items.json: 20 potions) and sends nothing; the key stays the refused request's", async () => {
    const key = `stack-${randomUUID()}`;
    const huge = await cli("mail", "send", "--to", name, "--subject", "Potions", "--item", "30010:999999999", "--key", key);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain("An attachment holds one stack of 1 to 20 of item 30010, not 999999999 [MAIL_ITEM_STACK_INVALID]");
    const swords = await cli("mail", "send", "--to", name, "--subject", "Potions", "--item", "30001:2", "--key", `${key}-swords`);
    expect(swords.code).toBe(2);
    expect(swords.stderr).toContain("[MAIL_ITEM_STACK_INVALID]");
    // The key names the first, refused request: a valid request needs a key of its own.
    const reused = await cli("mail", "send", "--to", name, "--subject", "Potions", "--item", "30010:20", "--key", key, "--json");
    expect(reused.code).toBe(4);
    const fresh = `${key}-2`;
    const full = await cli("mail", "send", "--to", name, "--subject", "Potions", "--item", "30010:20", "--key", fresh, "--json");
    expect(full.code).toBe(0);
    expect(full.json()).toMatchObject({ key: fresh, replayed: false });
  }, 120_000);
});
