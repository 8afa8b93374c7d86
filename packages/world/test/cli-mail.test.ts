// `bezgelor mail send`: system mail from the CLI, idempotent with --key, with the documented exit codes.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cliHarness, losingFirstReply } from "./support/cli";

const harness = cliHarness("cli-mail");
const { cli } = harness;

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
    expect(generated.stderr).toMatch(/idempotency key mail-[0-9a-f-]{36}/);
    // The name is found without its surrounding spaces, and the line names it so.
    const spaced = await cli("mail", "send", "--to", `  ${name} `, "--subject", "Hello");
    expect(spaced.code).toBe(0);
    expect(spaced.stdout).toMatch(new RegExp(`^sent mail \\d+ to ${name} \\(`));
    expect((await cli("mail", "send", "--to", "Nobodyhere", "--subject", "Hi")).code).toBe(3);
    expect((await cli("mail", "send", "--to", name, "--subject", "x".repeat(50))).code).toBe(2);
    expect((await cli("mail", "send", "--to", name, "--subject", "Hi", "--item", "30001")).code).toBe(2);
    expect((await cli("mail", "send", "--to", name, "--subject", "Hi", "--gold", "-1")).code).toBe(2);
  }, 120_000);

  it("refuses an item stack past the item's maxStack (items.json: 20 potions) or a bad subject and sends nothing; a malformed request keeps no key", async () => {
    const key = `stack-${randomUUID()}`;
    const huge = await cli("mail", "send", "--to", name, "--subject", "Potions", "--item", "30010:999999999", "--key", key);
    expect(huge.code).toBe(2);
    expect(huge.stderr).toContain("An attachment holds one stack of 1 to 20 of item 30010, not 999999999 [MAIL_ITEM_STACK_INVALID]");
    const swords = await cli("mail", "send", "--to", name, "--subject", "Potions", "--item", "30001:2", "--key", `${key}-swords`);
    expect(swords.code).toBe(2);
    expect(swords.stderr).toContain("[MAIL_ITEM_STACK_INVALID]");
    const bidi = await cli("mail", "send", "--to", name, "--subject", "Potions \u202e", "--item", "30010:20", "--key", `${key}-text`);
    expect(bidi.code).toBe(2);
    expect(bidi.stderr).toContain("[MAIL_INVALID_TEXT]");
    // A malformed request was never judged (README: it keeps no key): corrected, it takes the key.
    const full = await cli("mail", "send", "--to", name, "--subject", "Potions", "--item", "30010:20", "--key", key, "--json");
    expect(full.code, full.stderr).toBe(0);
    expect(full.json()).toMatchObject({ key, replayed: false });
    const text = await cli("mail", "send", "--to", name, "--subject", "Potions", "--key", `${key}-text`, "--json");
    expect(text.code, text.stderr).toBe(0);
    expect(text.json()).toMatchObject({ key: `${key}-text`, replayed: false });
  }, 120_000);

  it("says the outcome is unknown as currency grant does when the reply is lost: OUTCOME_UNKNOWN, exit 5, a retry that sends once", async () => {
    let stderr = "";
    const seam = losingFirstReply(harness.open, {}, () => stderr);
    const argv = ["mail", "send", "--to", name, "--subject", "Lost reply", "--gold", "7"];
    const code = await harness.run([...argv, "--json"], { stderr: (t) => void (stderr += t), ...seam });
    expect(code, stderr).toBe(5);
    // With --json every stderr line is JSON: the notices (the generated key, the retry), then the error.
    const lines = stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { notice?: string; error?: { code: string; message: string; details: unknown } });
    const notices = lines.flatMap((line) => (line.notice === undefined ? [] : [line.notice]));
    const key = notices.map((notice) => /^idempotency key (mail-[0-9a-f-]{36})/.exec(notice)?.[1]).find(Boolean);
    expect(key, stderr).toBeDefined();
    const retry = notices.map((notice) => /^retry safely \(applied at most once\): (.*)$/.exec(notice)?.[1]).find(Boolean);
    expect(retry, stderr).toBe(`bezgelor mail send --to ${name} --subject 'Lost reply' --gold 7 --json --body '' --from GM --key ${key}`);
    const error = lines.at(-1) as { error: { code: string; message: string; details: unknown } };
    expect(error.error).toMatchObject({ code: "OUTCOME_UNKNOWN", details: { key, retry } });
    expect(error.error.message).toContain(`the outcome is unknown: the mail was sent but no answer came back`);
    // It had committed: the retry replays instead of sending twice.
    const retried = await cli(...argv, "--key", key!, "--json");
    expect(retried.json()).toMatchObject({ key, replayed: true });
  }, 120_000);
});
