// `bezgelor collection show|grant`, run in-process on the embedded database (or DATABASE_URL).
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { cliHarness } from "./support/cli";

const harness = cliHarness("cli-collection");
const cli = (argv: string[]) => harness.cli(...argv);

const suffix = randomUUID()
  .replace(/[^a-z]/g, "")
  .slice(0, 10);
const email = `collection-${randomUUID()}@example.test`;
const name = `Col${suffix}`;

describe("bezgelor collection", () => {
  beforeAll(async () => {
    expect((await cli(["account", "create", "--email", email, "--password", "cli-password"])).code).toBe(0);
    expect((await cli(["character", "create", "--email", email, "--name", name])).code).toBe(0);
  });

  it("grants a mount account-wide and a pet to one character, idempotently, and shows them", async () => {
    const mount = await cli(["collection", "grant", "--email", email, "--mount", "1001", "--json"]);
    expect(mount.code).toBe(0);
    expect(mount.json()).toMatchObject({ collectibleType: "mount", collectibleId: 1001, scope: "account", unlocked: true });
    expect((await cli(["collection", "grant", "--email", email, "--mount", "1001", "--json"])).json()).toMatchObject({ unlocked: false });
    const pet = await cli(["collection", "grant", "--email", email, "--character", name, "--pet", "2001"]);
    expect(pet.stdout).toContain("unlocked pet 2001 (character)");

    const account = await cli(["collection", "show", "--email", email, "--json"]);
    expect(
      account.json<{ entries: Array<{ collectibleType: string; collectibleId: number }> }>().entries.map((e) => [e.collectibleType, e.collectibleId]),
    ).toEqual([["mount", 1001]]);
    const withCharacter = await cli(["collection", "show", "--email", email, "--character", name]);
    expect(withCharacter.stdout).toContain("mount 1001 (account, gm,");
    expect(withCharacter.stdout).toContain("pet 2001 (character, gm,");
  });

  it("lists a vanity pet owned both account-wide and by the character once, as the account's", async () => {
    expect((await cli(["collection", "grant", "--email", email, "--vanity-pet", "3002", "--character", name])).code).toBe(0);
    expect((await cli(["collection", "grant", "--email", email, "--vanity-pet", "3002"])).code).toBe(0);
    const shown = await cli(["collection", "show", "--email", email, "--character", name, "--json"]);
    const entries = shown.json<{ entries: Array<{ collectibleType: string; collectibleId: number; scope: string }> }>().entries;
    expect(entries.filter((e) => e.collectibleType === "vanity_pet" && e.collectibleId === 3002)).toEqual([expect.objectContaining({ scope: "account" })]);
    const text = await cli(["collection", "show", "--email", email, "--character", name]);
    expect(text.stdout.match(/vanity_pet 3002 /g)).toHaveLength(1);
  });

  it("refuses an unknown id, two kinds at once and a malformed id", async () => {
    expect((await cli(["collection", "grant", "--email", email, "--mount", "4242"])).code).not.toBe(0);
    const both = await cli(["collection", "grant", "--email", email, "--mount", "1001", "--pet", "2001"]);
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain("exactly one of");
    expect((await cli(["collection", "grant", "--email", email, "--vanity-pet", "x1"])).stderr).toContain(
      "--vanity-pet must be a whole number from 1 to 2147483647, got x1",
    );
  });

  it("pet xp gives XP to a pet the character owns (levels follow), and refuses one it does not own or a bad amount", async () => {
    const given = await cli(["pet", "xp", "--character", name, "--pet", "2001", "--amount", "100", "--json"]);
    expect(given.code).toBe(0);
    expect(given.json()).toEqual({ character: name, petId: 2001, gained: 100, xp: 100, level: 2, rewardedLevels: [] });
    expect((await cli(["pet", "xp", "--character", name, "--pet", "2001", "--amount", "5"])).stdout).toContain(`${name}'s pet 2001: +5 XP, level 2 (105 XP)`);
    const unowned = await cli(["pet", "xp", "--character", name, "--pet", "2002", "--amount", "5"]);
    expect(unowned.code).toBe(6);
    expect((await cli(["pet", "xp", "--character", name, "--pet", "2001", "--amount", "0"])).code).toBe(2);
    const shown = await cli(["collection", "show", "--email", email, "--character", name, "--json"]);
    expect(JSON.stringify(shown.json())).toContain('"xp":105');
  });
});
