import { describe, expect, it } from "vitest";
import { MAIL_FLAG, canReturnMail, checkMailSend, isValidMailText, mailExpiresAt, mailExpiryOutcome, mailTextProblem, type MailSendRequest } from "../index";

const request = (overrides: Partial<MailSendRequest> = {}): MailSendRequest => ({
  senderCharacterId: 1,
  recipientCharacterId: 2,
  subject: "Hello",
  body: "A line\nand another",
  gold: 0n,
  cod: 0n,
  attachments: 0,
  ...overrides,
});

describe("isValidMailText", () => {
  it("takes the client's limits: subject 1..49, body 0..499 code points", () => {
    expect(isValidMailText("s".repeat(49), "b".repeat(499))).toBe(true);
    expect(isValidMailText("s".repeat(50), "")).toBe(false);
    expect(isValidMailText("s", "b".repeat(500))).toBe(false);
    expect(isValidMailText("😀".repeat(49), "")).toBe(true);
    expect(isValidMailText("", "body")).toBe(false);
    expect(isValidMailText("   ", "body")).toBe(false);
  });

  it("refuses control characters and a subject on two lines", () => {
    expect(isValidMailText("a\nb", "")).toBe(false);
    expect(isValidMailText("a", "tab\there")).toBe(false);
    expect(isValidMailText("a", "nul\u0000")).toBe(false);
  });

  it("refuses what a chat line refuses: C1 controls and bidirectional overrides and isolates, in subject or body", () => {
    for (const c of ["\u0007", "\u001b", "\u007f", "\u0085", "\u009b", "\u202a", "\u202e", "\u2066", "\u2069"]) {
      const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
      expect(mailTextProblem(`evil ${c}gnp.exe`, ""), code).toBe(`the subject holds ${code}, a line break or control character`);
      expect(mailTextProblem("fine", `line one\nevil ${c}gnp.exe`), code).toBe(`the body holds ${code}, a control character`);
    }
  });

  it("lets a body, not a subject, break lines with \\n; refuses \\r and tab in both", () => {
    expect(mailTextProblem("Hello", "one\ntwo\n\nthree\n")).toBeUndefined();
    expect(mailTextProblem("one\ntwo", "")).toBe("the subject holds U+000A, a line break or control character");
    expect(mailTextProblem("one\rtwo", "")).toBe("the subject holds U+000D, a line break or control character");
    expect(mailTextProblem("Hello", "one\r\ntwo")).toBe("the body holds U+000D, a control character");
    expect(mailTextProblem("a\tb", "")).toBe("the subject holds U+0009, a line break or control character");
    expect(mailTextProblem("Hello", "a\tb")).toBe("the body holds U+0009, a control character");
  });

  it("takes text of any script, emoji, zero-width joiners and left-to-right and right-to-left marks", () => {
    for (const text of ["héllo wörld", "مرحبا بك", "こんにちは", "👨‍👩‍👧 family", "mark \u200f here"])
      expect(mailTextProblem(text, `${text}\n${text}`), text).toBeUndefined();
  });
});

describe("checkMailSend", () => {
  it("charges the gold sent plus postage", () => {
    expect(checkMailSend(request({ gold: 500n }), 30n)).toEqual({ ok: true, debit: 530n });
    expect(checkMailSend(request({ cod: 100n, attachments: 1 }), 30n)).toEqual({ ok: true, debit: 30n });
  });

  it("refuses in NexusForever's order", () => {
    const reason = (r: Partial<MailSendRequest>) => {
      const d = checkMailSend(request(r), 0n);
      return d.ok ? "ok" : d.reason;
    };
    expect(reason({ recipientCharacterId: 1, subject: "" })).toBe("cannot_mail_self");
    expect(reason({ subject: "", gold: 1n, cod: 1n })).toBe("invalid_text");
    expect(reason({ gold: 1n, cod: 1n, attachments: 1 })).toBe("cod_and_gift");
    expect(reason({ cod: 1n })).toBe("cod_without_attachments");
    expect(reason({ attachments: 11 })).toBe("too_many_attachments");
  });
});

describe("expiry and return", () => {
  const now = new Date("2026-11-30T00:00:00Z");
  const mail = { flags: 0, expiresAt: new Date("2026-11-29T00:00:00Z"), senderCharacterId: 7, returned: false, holdsValue: true };

  it("returns a player's mail, settles what cannot go back, deletes empty mail, keeps the rest", () => {
    expect(mailExpiryOutcome(mail, now)).toBe("return");
    expect(mailExpiryOutcome({ ...mail, returned: true }, now)).toBe("settle");
    expect(mailExpiryOutcome({ ...mail, senderCharacterId: null }, now)).toBe("settle");
    expect(mailExpiryOutcome({ ...mail, holdsValue: false }, now)).toBe("delete");
    expect(mailExpiryOutcome({ ...mail, expiresAt: new Date("2026-12-01T00:00:00Z") }, now)).toBe("keep");
    expect(mailExpiryOutcome({ ...mail, flags: MAIL_FLAG.NoExpiry }, now)).toBe("keep");
  });

  it("lets only an untouched player's mail be returned, once", () => {
    expect(canReturnMail(mail)).toBe(true);
    expect(canReturnMail({ ...mail, flags: MAIL_FLAG.NotReturnable })).toBe(false);
    expect(canReturnMail({ ...mail, returned: true })).toBe(false);
    expect(canReturnMail({ ...mail, senderCharacterId: null })).toBe(false);
  });

  it("expires after the configured days", () => {
    expect(mailExpiresAt(now, 30).toISOString()).toBe("2026-12-30T00:00:00.000Z");
  });
});
