// Mail and invite ids travel as u64 but are PostgreSQL bigints (i64): an id of 2^63 or more names
// nothing, and is answered as one that does not exist, without an error in the log.
import { FRIENDSHIP_RESULT, MAIL_GENERIC_ERROR } from "@bezgelor/core";
import {
  ClientFriendshipInviteResponse,
  ClientMailDelete,
  ClientMailOpen,
  ClientMailPayCod,
  ClientMailReturn,
  ClientMailTakeAttachment,
  ClientMailTakeCash,
} from "@bezgelor/protocol";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enter } from "./support/social";
import { startTestWorld, type TestWorld } from "./support/world";

const PAST_BIGINT = [2n ** 63n, 10484834213386001305n, 2n ** 64n - 1n];
const ERROR_LEVEL = 50;

describe("ids past the largest bigint", () => {
  let t: TestWorld;
  beforeAll(async () => {
    t = await startTestWorld();
  });
  afterAll(() => t.close());

  it("are answered as mail or invites that do not exist, with nothing logged as an error", async () => {
    const b = await enter(t);
    const before = t.logs.length;
    for (const mailId of PAST_BIGINT) {
      b.client.send(ClientMailOpen, { mailIds: [mailId, 1n] });
      b.client.send(ClientMailReturn, { mailId });
      expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 1, mailId, result: MAIL_GENERIC_ERROR.DoesNotExist });
      b.client.send(ClientMailTakeCash, { mailId, unitId: b.mailboxUnit });
      expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 2, mailId, result: MAIL_GENERIC_ERROR.DoesNotExist });
      b.client.send(ClientMailPayCod, { mailId, unitId: b.mailboxUnit });
      expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 3, mailId, result: MAIL_GENERIC_ERROR.DoesNotExist });
      b.client.send(ClientMailDelete, { mailIds: [mailId] });
      expect(await b.client.waitFor("ServerMailResult")).toEqual({ action: 5, mailId, result: MAIL_GENERIC_ERROR.DoesNotExist });
      b.client.send(ClientMailTakeAttachment, { mailId, index: 0, unitId: b.mailboxUnit });
      expect(await b.client.waitFor("ServerMailTakeAttachment")).toEqual({ mailId, result: MAIL_GENERIC_ERROR.DoesNotExist, index: 0 });
      b.client.send(ClientFriendshipInviteResponse, { inviteId: mailId, response: 1 });
      expect((await b.client.waitFor("ServerFriendshipResult")).result).toBe(FRIENDSHIP_RESULT.RequestNotFound);
    }
    const logs = t.logs.slice(before);
    expect(logs.filter((l) => l.level >= ERROR_LEVEL).map((l) => l.msg)).toEqual([]);
    expect(logs.filter((l) => l.msg === "mail opened").map((l) => l.marked)).toEqual([0, 0, 0]);
    // Each refusal is logged at info with the id it names.
    const refused = logs.filter((l) => l.msg?.includes("names no row"));
    expect(refused).toHaveLength(PAST_BIGINT.length * 5);
    expect(refused.every((l) => l.level === 30)).toBe(true);
    expect(b.client.pending("ServerRequestResult")).toEqual([]);
  });
});
