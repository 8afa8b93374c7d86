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
});
