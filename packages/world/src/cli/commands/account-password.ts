import { setAccountPassword } from "@bezgelor/db";
import { defineCommand, str } from "../command";
import { type AccountView, view } from "./account-view";

export const accountPassword = defineCommand({
  path: ["account", "password"],
  role: "admin",
  summary: "set an account's password",
  options: {
    email: { type: "string", description: "login email", required: true },
    password: { type: "string", description: "new password (8 to 128 characters)", required: true },
  },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const account = await setAccountPassword(client, { email: str(o, "email"), password: str(o, "password") });
    ctx.print(view(account), (a: AccountView) => `password changed for ${a.email}`);
  },
});
