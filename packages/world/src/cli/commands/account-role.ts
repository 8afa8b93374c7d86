import { setAccountRole } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { ROLES, parseRole, type AccountView, view } from "./account-view";

export const accountRole = defineCommand({
  path: ["account", "role"],
  role: "admin",
  summary: "set an account's role (player, gm, admin)",
  options: {
    email: { type: "string", description: "login email", required: true },
    role: { type: "string", description: `role: ${ROLES.join("|")}`, required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const role = parseRole(str(o, "role"));
    const { client } = await ctx.openDatabase();
    const account = await setAccountRole(client, { email: str(o, "email"), role });
    ctx.print(view(account), (a: AccountView) => `${a.email} is now ${a.role}`);
  },
});
