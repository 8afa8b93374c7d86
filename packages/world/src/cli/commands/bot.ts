import { DbError, getAccountByEmail, issueSessionKey, listCharacters, validateSessionKey, type DbClient } from "@bezgelor/db";
import { CHAT_CHANNEL_TYPE, ClientLogoutRequest, DISCOUNT_TYPE, STORE_CURRENCY_ID, type ServerPacketValues } from "@bezgelor/protocol";
import { describeUnits } from "../../client/describe-units";
import { attackNearest, type AttackReport } from "./bot-attack";
import { HeadlessClient, type Received, type StoreCatalog } from "../../client/headless-client";
import { WorldError } from "../../errors";
import { toJson } from "../json";
import { defineCommand, str, strs } from "../command";
import { parseWholeNumber } from "../whole-number";

/** The longest chat line the client's packet carries (ClientChat's wide string). */
const MAX_CHAT_LINE = 1024;

function summary(packet: Received): string {
  return `<- ${packet.name} ${toJson(packet.value).replace(/\s+/g, " ")}`;
}

/** One line per offer: id, name, categories, then each price with its discount. */
export function catalogLines({ offers }: StoreCatalog): string[] {
  return offers.groups.flatMap((g) =>
    g.offers.map((offer) => {
      const prices = offer.currencies.map(
        (c) =>
          `${c.price} ${CURRENCY_NAMES.get(c.currencyId) ?? `#${c.currencyId}`}${c.discountType === DISCOUNT_TYPE.Percentage ? ` (${c.discountValue} % off)` : ""}`,
      );
      return `store ${offer.id}  ${offer.name}  category ${g.categories.map((c) => c.categoryId).join(",")}  ${prices.join(", ")}`;
    }),
  );
}

const CURRENCY_NAMES = new Map<number, string>(Object.entries(STORE_CURRENCY_ID).map(([name, id]) => [id, name]));

/** NOT_FOUND: the account has no character of that name (or none at all, when no name was given). */
function noCharacter(email: string, name: unknown): WorldError {
  return new WorldError("NOT_FOUND", typeof name === "string" ? `no character named ${name} on ${email}` : `${email} has no characters`);
}

const isDebugLine = (value: unknown) => (value as ServerPacketValues["ServerChat"]).channel.type === CHAT_CHANNEL_TYPE.Debug;

export const bot = defineCommand({
  path: ["bot"],
  role: "admin",
  summary: "log a character into a running world server with the headless client; prints what it was sent and the units it sees",
  options: {
    email: { type: "string", description: "account email", required: true },
    key: { type: "string", description: "session key from `session issue` (issued now when omitted)" },
    character: { type: "string", description: "character name to enter the world with (default: the first)" },
    host: { type: "string", description: "server address", default: "127.0.0.1" },
    port: { type: "string", description: "server port (default: the configured port)" },
    stay: { type: "string", description: "seconds to stay in the world, pinging, before logging out", default: "0" },
    store: { type: "boolean", description: "open the store once in the world and print its catalog (offers with their prices and discounts)" },
    attack: {
      type: "boolean",
      description: "walk to the nearest creature and strike it with the basic attack until it dies, printing each hit's damage and the XP gained",
    },
    say: {
      type: "string",
      multiple: true,
      description: "a chat line to say once in the world, e.g. a GM command '!help'; each waits for its answer",
    },
  },
  printsData: true,
  async run(ctx, o) {
    if (typeof o.key === "string" && !/^[0-9a-fA-F]{32}$/.test(o.key)) throw new WorldError("USAGE", "--key must be the 32 hex digits `session issue` printed");
    const stay = Number(str(o, "stay"));
    if (!Number.isFinite(stay) || stay < 0 || stay > 86_400) throw new WorldError("USAGE", "--stay must be 0 to 86400 seconds");
    const lines = strs(o, "say");
    const tooLong = lines.find((line) => line.length > MAX_CHAT_LINE);
    if (tooLong !== undefined) throw new WorldError("USAGE", `--say lines are at most ${MAX_CHAT_LINE} characters (one has ${tooLong.length})`);
    const port = typeof o.port === "string" ? parseWholeNumber("port", o.port, 1, 65535) : ctx.config.server.port;
    const { client: db } = await ctx.openDatabase();
    const account = await getAccountByEmail(db, { email: str(o, "email") });
    // Logging in (ClientHelloRealm) takes the account over from a live session, so a character that
    // is not there is found from the database before connecting: an unknown name never kicks anyone.
    const wanted = typeof o.character === "string" ? o.character.toLowerCase() : undefined;
    const stored = await listCharacters(db, { accountId: account.id });
    if (!stored.some((c) => wanted === undefined || c.name.toLowerCase() === wanted)) throw noCharacter(account.email, o.character);
    const sessionKey = typeof o.key === "string" ? o.key : (await issueSessionKey(db, { email: account.email })).sessionKey;
    const echo = (p: Received) => (ctx.json ? undefined : process.stdout.write(summary(p) + "\n"));
    const host = str(o, "host");
    const client = await HeadlessClient.connect({ host, port, onPacket: echo, heartbeatMs: 30_000 }).catch((error: unknown) => {
      throw new WorldError("DISCONNECTED", `no world server answers on ${host}:${port} (${(error as Error).message})`, { cause: error });
    });
    try {
      const list = await client.login({ accountId: account.id, email: account.email, sessionKey }).catch(async (error: unknown) => {
        if (error instanceof WorldError && error.code === "DISCONNECTED") {
          throw await loginClosed(db, { accountId: account.id, email: account.email, sessionKey }, ctx.config.db.sessionKeyLifetimeSeconds, error);
        }
        throw error;
      });
      const chosen = list.characters.find((c) => wanted === undefined || c.name.toLowerCase() === wanted);
      // Deleted between the check above and the login.
      if (!chosen) throw noCharacter(account.email, o.character);
      await client.enterWorld(chosen.id);
      if (o.store === true) {
        const catalog = await client.openStore();
        if (!ctx.json) process.stdout.write(catalogLines(catalog).join("\n") + "\n");
      }
      let attack: AttackReport | undefined;
      if (o.attack === true) attack = await attackNearest(client, (text) => (ctx.json ? undefined : process.stdout.write(text + "\n")));
      for (const line of lines) {
        client.say(line);
        if (line.trim().startsWith("!")) {
          // The answer to a chat command is a debug-channel line or a refusal; either ends the wait.
          await client.waitForAny(["ServerChat", "ServerRequestResult"], (p) => p.name === "ServerRequestResult" || isDebugLine(p.value));
        } else {
          // A plain line is answered with its chat result (Ok, or why it was not sent).
          await client.waitForAny(["ServerChatResult", "ServerRequestResult"]);
        }
      }
      // Stay, but notice at once if the server goes away meanwhile.
      let timer: NodeJS.Timeout | undefined;
      const lost = await Promise.race([new Promise<undefined>((r) => (timer = setTimeout(() => r(undefined), stay * 1000))), client.closed]);
      clearTimeout(timer);
      if (lost) throw lost;
      const seen = describeUnits(client.units, client.unitId);
      const units = [...client.units.values()].map((u) => ({ ...u, you: u.unitId === client.unitId }));
      client.send(ClientLogoutRequest, { initiated: true });
      await client.waitFor("ServerLogout");
      ctx.print({ units, ...(attack ? { attack } : {}), packets: client.log.map((p) => ({ name: p.name, value: p.value })) }, () =>
        [`units in sight (${seen.length}):`, ...seen].join("\n"),
      );
    } finally {
      await client.close();
    }
  },
});

/**
 * Why the server closed the connection at login. It answers a bad key by closing it (as
 * NexusForever does), and so does a server that stops: the key is checked against the database
 * to tell them apart. AUTH_FAILED (exit 6) when the key is refused there, naming why; DISCONNECTED
 * (exit 5) when it is valid, so the server went away or dropped the connection.
 */
async function loginClosed(
  db: DbClient,
  login: { accountId: number; email: string; sessionKey: string },
  lifetimeSeconds: number,
  closed: WorldError,
): Promise<WorldError> {
  try {
    await validateSessionKey(db, { ...login, lifetimeSeconds });
  } catch (error) {
    if (error instanceof DbError && (error.code === "SESSION_INVALID" || error.code === "SESSION_EXPIRED")) {
      const why = error.code === "SESSION_EXPIRED" ? "it has expired" : "it is not this account's current key (revoked, replaced or another account's)";
      return new WorldError("AUTH_FAILED", `the server closed the connection at login: the session key was not accepted: ${why}`, { cause: closed });
    }
    throw error;
  }
  return new WorldError(
    "DISCONNECTED",
    `the server closed the connection during login though the session key is valid: it stopped or dropped the connection (${closed.message})`,
    {
      cause: closed,
    },
  );
}
