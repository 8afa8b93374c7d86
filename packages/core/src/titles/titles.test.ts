import { describe, expect, it } from "vitest";
import { meetsTitleRequirements, selectActiveTitle, titleExpiresAt, titleUnlocksFor, type AccountTitleState, type TitleTrigger } from "../index";
import { tinyGameData } from "../test-support";

const { data, scale } = tinyGameData();
const titles = data.titles;

function state(overrides: Partial<AccountTitleState> = {}): AccountTitleState {
  return {
    ownedTitleIds: new Set(),
    standings: new Map(),
    achievements: new Set(),
    completedQuests: new Set(),
    pathLevels: new Map(),
    now: new Date("2025-10-30T12:00:00Z"),
    ...overrides,
  };
}

const unlocks = (trigger: TitleTrigger, s: AccountTitleState = state()) => titleUnlocksFor(titles, trigger, s, scale);

describe("titleUnlocksFor: reputation", () => {
  it("unlocks the friendly title when the standing reaches friendly", () => {
    expect(unlocks({ type: "reputation", factionId: 1, standing: 9 })).toEqual([]);
    expect(unlocks({ type: "reputation", factionId: 1, standing: 10 })).toEqual([1]);
  });

  it("unlocks every level crossed at once", () => {
    expect(unlocks({ type: "reputation", factionId: 1, standing: 99 })).toEqual([1, 2]);
  });

  it("unlocks a negative title at that level, counting down from neutral", () => {
    expect(unlocks({ type: "reputation", factionId: 2, standing: -10 })).toEqual([]);
    expect(unlocks({ type: "reputation", factionId: 2, standing: -11 })).toEqual([3]);
    expect(unlocks({ type: "reputation", factionId: 2, standing: -100 })).toEqual([3]);
  });

  it("accepts the level instead of the standing", () => {
    expect(unlocks({ type: "reputation", factionId: 1, level: "exalted" })).toEqual([1, 2]);
    expect(unlocks({ type: "reputation", factionId: 2, level: "hated" })).toEqual([3]);
  });

  it("uses the trigger's standing over the state's, and only that faction's titles", () => {
    const s = state({
      standings: new Map([
        [1, 99],
        [2, -100],
      ]),
    });
    expect(unlocks({ type: "reputation", factionId: 1, standing: 0 }, s)).toEqual([]);
  });

  it("skips titles already owned", () => {
    expect(unlocks({ type: "reputation", factionId: 1, standing: 99 }, state({ ownedTitleIds: new Set([1]) }))).toEqual([2]);
  });
});

describe("titleUnlocksFor: achievement, quest, path", () => {
  it("unlocks on the matching achievement only", () => {
    expect(unlocks({ type: "achievement", achievementId: 20 })).toEqual([4]);
    expect(unlocks({ type: "achievement", achievementId: 21 })).toEqual([]);
    expect(unlocks({ type: "achievement", achievementId: 20 }, state({ ownedTitleIds: new Set([4]) }))).toEqual([]);
  });

  it("unlocks on the matching quest only", () => {
    expect(unlocks({ type: "quest", questId: 30 })).toEqual([5]);
    expect(unlocks({ type: "quest", questId: 31 })).toEqual([]);
    expect(unlocks({ type: "quest", questId: 30 }, state({ ownedTitleIds: new Set([5]) }))).toEqual([]);
  });

  it("unlocks when the path level reaches the requirement", () => {
    expect(unlocks({ type: "path", path: "explorer", level: 29 })).toEqual([]);
    expect(unlocks({ type: "path", path: "explorer", level: 30 })).toEqual([7]);
    expect(unlocks({ type: "path", path: "soldier", level: 30 })).toEqual([]);
    expect(unlocks({ type: "path", path: "explorer", level: 30 }, state({ ownedTitleIds: new Set([7]) }))).toEqual([]);
  });

  it("never lowers a path level the state already has", () => {
    expect(unlocks({ type: "path", path: "explorer", level: 5 }, state({ pathLevels: new Map([["explorer", 30]]) }))).toEqual([7]);
  });
});

describe("titleUnlocksFor: store, event, gm", () => {
  it("unlocks a store title by its offer or directly by id", () => {
    expect(unlocks({ type: "store", offerId: 60 })).toEqual([6]);
    expect(unlocks({ type: "store", offerId: 61 })).toEqual([]);
    expect(unlocks({ type: "store", titleId: 6 })).toEqual([6]);
    expect(unlocks({ type: "store", titleId: 6 }, state({ ownedTitleIds: new Set([6]) }))).toEqual([]);
  });

  it("does not sell a title that is not a store title", () => {
    expect(unlocks({ type: "store", titleId: 2 })).toEqual([]);
    expect(unlocks({ type: "store", titleId: 999 })).toEqual([]);
  });

  it("unlocks an event title only inside its window", () => {
    const at = (iso: string) => unlocks({ type: "event", eventId: "fest", at: new Date(iso) });
    expect(at("2025-10-23T23:59:59Z")).toEqual([]);
    expect(at("2025-10-24T00:00:00Z")).toEqual([8]);
    expect(at("2025-11-06T23:59:59Z")).toEqual([8]);
    expect(at("2025-11-07T00:00:00Z")).toEqual([]);
    expect(unlocks({ type: "event", eventId: "other", at: new Date("2025-10-30T00:00:00Z") })).toEqual([]);
  });

  it("takes the state's now for an event trigger without a time, and skips an owned event title", () => {
    expect(unlocks({ type: "event", eventId: "fest" })).toEqual([8]);
    expect(unlocks({ type: "event", eventId: "fest" }, state({ now: new Date("2026-01-01T00:00:00Z") }))).toEqual([]);
    expect(unlocks({ type: "event", eventId: "fest" }, state({ ownedTitleIds: new Set([8]) }))).toEqual([]);
  });

  it("lets a GM grant any existing title once", () => {
    expect(unlocks({ type: "gm", titleId: 9 })).toEqual([9]);
    expect(unlocks({ type: "gm", titleId: 2 })).toEqual([2]);
    expect(unlocks({ type: "gm", titleId: 9 }, state({ ownedTitleIds: new Set([9]) }))).toEqual([]);
    expect(unlocks({ type: "gm", titleId: 999 })).toEqual([]);
  });
});

describe("meetsTitleRequirements", () => {
  const check = (id: number, s: AccountTitleState) => meetsTitleRequirements(titles.require(id), s, scale);

  it("explains a reputation shortfall with both levels", () => {
    const result = check(1, state({ standings: new Map([[1, 5]]) }));
    expect(result).toMatchObject({ ok: false, reason: "reputation_not_reached" });
    if (!result.ok && result.reason === "reputation_not_reached") {
      expect([result.requiredLevel.name, result.currentLevel.name]).toEqual(["friendly", "neutral"]);
    }
    expect(check(1, state({ standings: new Map([[1, 10]]) }))).toEqual({ ok: true });
  });

  it.each([
    [4, "achievement_not_earned", { achievements: new Set([20]) }],
    [5, "quest_not_completed", { completedQuests: new Set([30]) }],
    [7, "path_level_not_reached", { pathLevels: new Map([["explorer", 30]]) }],
    [6, "not_purchased", { purchasedOfferIds: new Set([60]) }],
    [8, "event_not_attended", { eventParticipation: [{ eventId: "fest", at: new Date("2025-10-25T00:00:00Z") }] }],
  ] as const)("title %s: %s until the state has it", (id, reason, met) => {
    expect(check(id, state())).toEqual({ ok: false, reason });
    expect(check(id, state(met as Partial<AccountTitleState>))).toEqual({ ok: true });
  });

  it("refuses an event attended outside its window", () => {
    const late = state({ eventParticipation: [{ eventId: "fest", at: new Date("2025-12-01T00:00:00Z") }] });
    expect(check(8, late)).toEqual({ ok: false, reason: "outside_event_window" });
  });

  it("never meets a GM-only title through progress", () => {
    expect(check(9, state({ standings: new Map([[1, 99]]) }))).toEqual({ ok: false, reason: "gm_grant_only" });
  });
});

describe("active title and expiry", () => {
  it("sets an owned title, clears with 0, refuses one not owned", () => {
    const owned = new Set([1, 4]);
    expect(selectActiveTitle(owned, 4)).toEqual({ ok: true, activeTitleId: 4 });
    expect(selectActiveTitle(owned, 0)).toEqual({ ok: true, activeTitleId: null });
    expect(selectActiveTitle(owned, 2)).toEqual({ ok: false, reason: "title_not_owned", titleId: 2 });
  });

  it("expires a timed title durationSeconds after the grant; others never", () => {
    const granted = new Date("2025-10-30T00:00:00Z");
    expect(titleExpiresAt(titles.require(8), granted)).toEqual(new Date("2025-10-31T00:00:00Z"));
    expect(titleExpiresAt(titles.require(1), granted)).toBeNull();
  });
});
