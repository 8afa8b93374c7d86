import { getAccountByEmail, issueSessionKey } from "@bezgelor/db";
import { ClientLogoutRequest } from "@bezgelor/protocol";
import { HeadlessClient, type Received } from "../../client/headless-client";
import { WorldError } from "../../errors";
import { toJson } from "../json";
import { defineCommand, str } from "../command";

function summary(packet: Received): string {
  return `<- ${packet.name} ${toJson(packet.value).replace(/\s+/g, " ")}`;
}

export const bot = defineCommand({
  path: ["bot"],
  role: "admin",
  summary: "log a character into a running world server with the headless client",
  options: {
    email: { type: "string", description: "account email", required: true },
    key: { type: "string", description: "session key from `session issue` (issued now when omitted)" },
    character: { type: "string", description: "character name to enter the world with (default: the first)" },
    host: { type: "string", description: "server address", default: "127.0.0.1" },
    port: { type: "string", description: "server port (default: the configured port)" },
    stay: { type: "string", description: "seconds to stay in the world, pinging, before logging out", default: "0" },
  },
  printsData: true,
  async run(ctx, o) {
    const { client: db } = await ctx.openDatabase();
    const account = await getAccountByEmail(db, { email: str(o, "email") });
    const sessionKey = typeof o.key === "string" ? o.key : (await issueSessionKey(db, { email: account.email })).sessionKey;
    const port = typeof o.port === "string" ? Number(o.port) : ctx.config.server.port;
    const echo = (p: Received) => (ctx.json ? undefined : process.stdout.write(summary(p) + "\n"));
    const client = await HeadlessClient.connect({ host: str(o, "host"), port, onPacket: echo, heartbeatMs: 30_000 });
    try {
      const list = await client.login({ accountId: account.id, email: account.email, sessionKey });
      const wanted = typeof o.character === "string" ? o.character.toLowerCase() : undefined;
      const chosen = list.characters.find((c) => wanted === undefined || c.name.toLowerCase() === wanted);
      if (!chosen) {
        throw new WorldError("NOT_FOUND", wanted ? `no character named ${str(o, "character")} on ${account.email}` : `${account.email} has no characters`);
      }
      await client.enterWorld(chosen.id);
      const stay = Number(str(o, "stay"));
      await new Promise((r) => setTimeout(r, stay * 1000));
      client.send(ClientLogoutRequest, { initiated: true });
      await client.waitFor("ServerLogout");
      if (ctx.json) ctx.print(client.log.map((p) => ({ name: p.name, value: p.value })), () => "");
    } finally {
      await client.close();
    }
  },
});
