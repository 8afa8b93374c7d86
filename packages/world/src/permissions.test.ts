import { ACCOUNT_ROLES } from "@bezgelor/db";
import { describe, expect, it } from "vitest";
import { GM_COMMANDS } from "./gm/commands/index";
import { roleAllows } from "./permissions";

describe("roleAllows", () => {
  it("orders the roles player < gm < admin", () => {
    const roles = Object.values(ACCOUNT_ROLES);
    const allowed = roles.map((role) => roles.filter((needed) => roleAllows(role, needed)));
    expect(Object.fromEntries(roles.map((r, i) => [r, allowed[i]]))).toEqual({ player: ["player"], gm: ["player", "gm"], admin: ["player", "gm", "admin"] });
  });
});

describe("GM commands", () => {
  it("each has a unique name and declares the role it needs; today's game-state commands need gm; !help and !redeem are for every player", () => {
    const names = GM_COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    expect(Object.fromEntries(GM_COMMANDS.map((c) => [c.name, c.role]))).toEqual({
      help: "player",
      redeem: "player",
      store: "player",
      buy: "player",
      inventory: "player",
      ledger: "player",
      store_restock: "admin",
      store_setprice: "admin",
      store_sync: "admin",
      rep: "gm",
      kill: "gm",
      mount: "gm",
      pet: "gm",
      petxp: "gm",
      title: "gm",
      achievement: "gm",
      path: "gm",
    });
  });

  it("each declares how many arguments it takes: more are answered with its usage (runGmCommand)", () => {
    const max = (name: string, ...args: string[]) => {
      const command = GM_COMMANDS.find((c) => c.name === name)!;
      return typeof command.maxArgs === "function" ? command.maxArgs(args) : command.maxArgs;
    };
    expect(Object.fromEntries(GM_COMMANDS.map((c) => [c.name, typeof c.maxArgs === "function" ? "by action" : c.maxArgs]))).toEqual({
      help: 0,
      redeem: Number.POSITIVE_INFINITY,
      store: 3,
      buy: 3,
      inventory: 0,
      ledger: 1,
      store_restock: 3,
      store_setprice: 4,
      store_sync: 0,
      rep: 2,
      kill: 1,
      mount: "by action",
      pet: "by action",
      petxp: 1,
      title: 2,
      achievement: 1,
      path: 2,
    });
    expect([max("mount", "dismiss"), max("mount", "summon", "1001"), max("mount", "flair"), max("mount")]).toEqual([1, 2, 2, 2]);
    expect([max("pet", "dismiss"), max("pet", "unlock"), max("pet", "summon"), max("pet", "name", "combat", "1", "Sir", "Barks")]).toEqual([
      1,
      3,
      3,
      Number.POSITIVE_INFINITY,
    ]);
  });
});
