import { issueSessionKey } from "@bezgelor/db";
import { defineCommand, str } from "../command";

export const sessionIssue = defineCommand({
  path: ["session", "issue"],
  role: "admin",
  summary: "issue a session key for an account, as a realm server would",
  options: { email: { type: "string", description: "login email", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const issued = await issueSessionKey(client, { email: str(o, "email") });
    ctx.print(
      {
        accountId: issued.accountId,
        email: issued.email,
        sessionKey: issued.sessionKey,
        createdAt: issued.createdAt,
        lifetimeSeconds: ctx.config.db.sessionKeyLifetimeSeconds,
      },
      (i: { sessionKey: string }) => i.sessionKey,
    );
  },
});
