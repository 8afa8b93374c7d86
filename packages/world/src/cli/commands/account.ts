import {
  createAccount,
  getAccountByEmail,
  issueSessionKey,
  setAccountPassword,
  setAccountRole,
  ACCOUNT_ROLES,
  type AccountRole,
} from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str } from "../command";

const ROLES = Object.values(ACCOUNT_ROLES);

function parseRole(value: string): AccountRole {
  const role = ROLES.find((r) => r === value);
  if (!role) throw new WorldError("USAGE", `unknown role ${value}; expected one of ${ROLES.join(", ")}`);
  return role;
}

interface AccountView {
  id: number;
  email: string;
  role: string;
  createdAt: Date;
}

function view(a: AccountView): AccountView {
  return { id: a.id, email: a.email, role: a.role, createdAt: a.createdAt };
}

const human = (a: AccountView) => `account ${a.id}  ${a.email}  role=${a.role}  created=${a.createdAt.toISOString()}`;

export const accountCreate = defineCommand({
  path: ["account", "create"],
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

export const accountShow = defineCommand({
  path: ["account", "show"],
  summary: "show an account (id, email, role, created)",
  options: { email: { type: "string", description: "login email", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const account = await getAccountByEmail(client, { email: str(o, "email") });
    ctx.print(view(account), human);
  },
});

export const accountPassword = defineCommand({
  path: ["account", "password"],
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

export const accountRole = defineCommand({
  path: ["account", "role"],
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

export const sessionIssue = defineCommand({
  path: ["session", "issue"],
  summary: "issue a session key for an account, as a realm server would",
  options: { email: { type: "string", description: "login email", required: true } },
  printsData: true,
  async run(ctx, o) {
    const { client } = await ctx.openDatabase();
    const issued = await issueSessionKey(client, { email: str(o, "email") });
    ctx.print(
      { accountId: issued.accountId, email: issued.email, sessionKey: issued.sessionKey, createdAt: issued.createdAt, lifetimeSeconds: ctx.config.db.sessionKeyLifetimeSeconds },
      (i: { sessionKey: string }) => i.sessionKey,
    );
  },
});
