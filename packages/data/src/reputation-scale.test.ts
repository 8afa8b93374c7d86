import { describe, expect, it } from "vitest";
import { DataError, buildGameData } from "./index";
import { tinyScale } from "./test-support";

function scaleError(scale: unknown): DataError {
  try {
    buildGameData({ reputationScales: [scale] });
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error("expected a DataError");
}

const level = (index: number) => tinyScale.levels[index] as (typeof tinyScale.levels)[number];

describe("reputation scale schema", () => {
  it("derives index, band top, direction and the neutral level", () => {
    const scale = buildGameData({ reputationScales: [tinyScale] }).reputationScales.require("tiny");
    expect(scale.levels.map((l) => [l.index, l.minStanding, l.maxStanding, l.direction])).toEqual([
      [0, -100, -11, "negative"],
      [1, -10, -1, "negative"],
      [2, 0, 9, "neutral"],
      [3, 10, 100, "positive"],
    ]);
    expect(scale.neutral.name).toBe("neutral");
  });

  it("resolves aliases, with a level's own name winning over another level's alias", () => {
    const levels = [{ ...level(0), aliases: ["unfriendly"] }, level(1), level(2), { ...level(3), aliases: ["exalted"] }];
    const scale = buildGameData({ reputationScales: [{ ...tinyScale, levels }] }).reputationScales.require("tiny");
    expect(scale.levelsByName.get("exalted")?.name).toBe("friendly");
    expect(scale.levelsByName.get("unfriendly")?.name).toBe("unfriendly");
  });

  it("rejects levels out of order", () => {
    const levels = [level(0), level(2), level(1), level(3)];
    expect(scaleError({ ...tinyScale, levels }).details).toEqual({
      file: "reputation-levels.json",
      id: "tiny",
      path: "levels[2].minStanding",
    });
  });

  it("rejects a first level that does not start at the clamp minimum", () => {
    expect(scaleError({ ...tinyScale, minStanding: -200 }).details.path).toBe("levels[0].minStanding");
  });

  it("rejects a range without 0", () => {
    const levels = [{ ...level(0), minStanding: 5 }];
    expect(scaleError({ ...tinyScale, minStanding: 5, levels }).details.path).toBe("minStanding");
  });

  it("rejects a level above the clamp maximum", () => {
    expect(scaleError({ ...tinyScale, maxStanding: 5 }).details.path).toBe("levels[3].minStanding");
  });

  it("rejects duplicate names, reused aliases and discounts above 100", () => {
    expect(scaleError({ ...tinyScale, levels: [level(0), level(1), level(2), { ...level(3), name: "neutral" }] }).details.path).toBe("levels[3].name");
    const aliased = [{ ...level(0), aliases: ["x"] }, { ...level(1), aliases: ["x"] }, level(2), level(3)];
    expect(scaleError({ ...tinyScale, levels: aliased }).details.path).toBe("levels[1].aliases[0]");
    expect(scaleError({ ...tinyScale, levels: [level(0), level(1), level(2), { ...level(3), discountPercent: 101 }] }).details.path).toBe(
      "levels[3].discountPercent",
    );
  });
});
