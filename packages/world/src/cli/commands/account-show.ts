import { getAccountByEmail } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { view, human } from "./account-view";

export const accountShow = defineCommand({
  path: ["account", "show"],
  role: "admin",
  summary: "show an account (id, email, role, created)",
  options: { email: { type: "string", description: "login email", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    ctx.print(view(account), human);
  },
});
