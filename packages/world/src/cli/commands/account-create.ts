import { createAccount } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { ROLES, parseRole, type AccountView, view, human } from "./account-view";

export const accountCreate = defineCommand({
  path: ["account", "create"],
  role: "admin",
  summary: "create an account",
  options: {
    email: { type: "string", description: "login email", required: true },
    password: { type: "string", description: "password (8 to 128 characters)", required: true },
    role: { type: "string", description: `role: ${ROLES.join("|")}`, default: "player" },
  },
  printsData: true,
  async run(ctx, o) {
    const role = parseRole(str(o, "role"));
    const { client } = await ctx.openDatabase();
    const account = await createAccount(client, {
      email: str(o, "email"),
      password: str(o, "password"),
      role,
    });
    ctx.print(view(account), (a: AccountView) => `created ${human(a)}`);
  },
});
