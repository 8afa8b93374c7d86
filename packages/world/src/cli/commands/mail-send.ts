// `bezgelor mail send`: system mail from an operator (GM sender type), through the same action
// other services use. Every send carries an idempotency key (given, or generated and printed
// before sending), so a retry after an unknown outcome never sends twice.
import { randomUUID } from "node:crypto";
import { MAIL_LIMITS } from "@bezgelor/core";
import { MAX_MONEY } from "@bezgelor/data";
import { sendSystemMail } from "@bezgelor/db";
import { WorldError } from "../../errors";
import { defineCommand, str, strs } from "../command";
import { retryCommand } from "../currency-change";
import { parseIdempotencyKey, parseText } from "../text-option";
import { sendWithKey } from "../unknown-outcome";
import { parseWholeBigint } from "../whole-number";

/** Parses `ID:COUNT` item options. Throws WorldError USAGE. */
export function parseItemOptions(values: readonly string[]): Array<{ itemId: number; count: number }> {
  if (values.length > MAIL_LIMITS.attachments)
    throw new WorldError("USAGE", `--item may be given at most ${MAIL_LIMITS.attachments} times, got ${values.length}`);
  return values.map((value) => {
    const match = /^(\d{1,10}):(\d{1,10})$/.exec(value);
    const itemId = Number(match?.[1]);
    const count = Number(match?.[2]);
    if (!match || itemId < 1 || count < 1 || itemId > 2147483647 || count > 2147483647) {
      throw new WorldError("USAGE", `--item must be ITEM_ID:COUNT with positive whole numbers, got ${value}`);
    }
    return { itemId, count };
  });
}

interface SentView {
  mailId: bigint;
  recipientCharacterId: number;
  to: string;
  expiresAt: Date;
  key: string;
  replayed: boolean;
}

export const mailSend = defineCommand({
  path: ["mail", "send"],
  role: "admin",
  summary: "send system mail (GM sender) with optional gold and items; idempotent with --key",
  options: {
    to: { type: "string", description: "recipient character name", required: true },
    subject: { type: "string", description: `subject, 1 to ${MAIL_LIMITS.subjectLength} characters`, required: true },
    body: { type: "string", description: `body, up to ${MAIL_LIMITS.bodyLength} characters`, default: "" },
    from: { type: "string", description: "sender name shown in the mailbox", default: "GM" },
    gold: { type: "string", description: "gold to attach (whole number)" },
    item: { type: "string", description: `item to attach as ITEM_ID:COUNT (up to ${MAIL_LIMITS.attachments})`, multiple: true },
    key: { type: "string", description: "idempotency key; generated and printed when omitted" },
  },
  printsData: true,
  async run(ctx, o) {
    const goldText = typeof o.gold === "string" ? o.gold : "0";
    // The bounds core's mail rules apply (MAIL_LIMITS), checked here so the line names the option.
    parseText("subject", str(o, "subject"), 1, MAIL_LIMITS.subjectLength);
    parseText("body", str(o, "body"), 0, MAIL_LIMITS.bodyLength);
    const gold = parseWholeBigint("gold", goldText, 0n, MAX_MONEY);
    const items = parseItemOptions(strs(o, "item"));
    const key = typeof o.key === "string" && o.key !== "" ? parseIdempotencyKey(o.key) : `mail-${randomUUID()}`;
    const { client } = await ctx.openDatabase();
    const change = { what: "mail", key, generated: typeof o.key !== "string", retry: retryCommand({ path: ["mail", "send"], options: o }, key) };
    const sent = await sendWithKey(ctx, change, async () =>
      sendSystemMail(client, {
        rules: await ctx.loadRules(),
        actor: { kind: "admin", name: "cli" },
        idempotencyKey: key,
        to: { name: str(o, "to") },
        from: { type: "gm", name: str(o, "from") },
        subject: str(o, "subject"),
        body: str(o, "body"),
        gold,
        items,
      }),
    );
    ctx.print(
      {
        mailId: sent.result.mailId,
        recipientCharacterId: sent.result.recipientCharacterId,
        // As found: the lookup ignores surrounding spaces, so the line does too.
        to: str(o, "to").trim(),
        expiresAt: sent.result.expiresAt,
        key,
        replayed: sent.replayed,
      },
      (v: SentView) => `${v.replayed ? "already sent" : "sent"} mail ${v.mailId} to ${v.to} (expires ${v.expiresAt.toISOString()}, key ${v.key})`,
    );
  },
});
