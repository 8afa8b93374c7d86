import { describe, expect, it } from "vitest";
import { COMMANDS } from "../src/cli/commands/index";
import { runCli } from "../src/cli/main";

describe("CLI command roles", () => {
  it("every command declares its role: economy, account administration and the server need admin; reads need gm", () => {
    expect(Object.fromEntries(COMMANDS.map((c) => [c.path.join(" "), c.role]))).toEqual({
      serve: "admin",
      "db migrate": "admin",
      "account create": "admin",
      "account show": "admin",
      "account password": "admin",
      "account role": "admin",
      "session issue": "admin",
      "character create": "admin",
      "character list": "gm",
      "gold grant": "admin",
      "currency grant": "admin",
      "currency deduct": "admin",
      "currency show": "gm",
      "ledger show": "gm",
      "ledger audit": "admin",
      "mail send": "admin",
      "store import": "admin",
      "store offer list": "gm",
      "store offer show": "gm",
      "store offer set": "admin",
      "store set-price": "admin",
      "store restock": "admin",
      "store rate list": "gm",
      "store rate set": "admin",
      "store catalog": "gm",
      "store preview": "gm",
      "store tx": "gm",
      "vip set": "admin",
      "store promotion create": "admin",
      "store promotion list": "gm",
      "store deal set": "admin",
      "store deal list": "gm",
      "store buy": "admin",
      "store sync": "admin",
      "promo create": "admin",
      "promo list": "gm",
      "promo show": "gm",
      "promo disable": "admin",
      "promo redeem": "admin",
      "collection show": "gm",
      "collection grant": "gm",
      "pet xp": "gm",
      bot: "admin",
    });
  });

  it("a command's --help names its role", async () => {
    let out = "";
    const code = await runCli(["currency", "grant", "--help"], { stdout: (t) => void (out += t), stderr: () => undefined, env: {} });
    expect(code).toBe(0);
    expect(out).toContain("Role: admin");
  });
});
