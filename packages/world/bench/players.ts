// The bench's accounts and characters, made straight in the database before the world server
// starts (embedded: the directory is not shared yet; PostgreSQL: the bench's own database), in
// bulk: setup is not what is measured, and thousands of players one action at a time take minutes.
import { randomBytes } from "node:crypto";
import { grantCurrency, type DbClient } from "@bezgelor/db";
import { loadTestRules, uniqueCharacterName } from "@bezgelor/db/testing";
import type { BenchPlayer } from "./raw-client";
import { runPool } from "./stats";

/** The world of every bench character (the old login storm's). */
export const BENCH_WORLD_ID = 426;
/** The zone the chatting crowd shares; the round-trip clients each get a zone of their own above it. */
export const SHARED_ZONE_ID = 1;

const BATCH = 1000;

/** Where a bench character stands (metres; y is 0). */
export interface Place {
  readonly x: number;
  readonly z: number;
}

/** Where the chatting crowd stands: all within sight of each other. */
export const CROWD_PLACE: Place = { x: 0, z: 0 };

/**
 * Where round-trip player `i` stands: on a grid 300 m apart (beyond the 128 m vision range) and
 * away from the crowd, so each is alone in sight and its chat and title lines go to itself only.
 */
export function soloPlace(i: number): Place {
  return { x: 1000 + (i % 50) * 300, z: 1000 + Math.floor(i / 50) * 300 };
}

/**
 * Makes `count` accounts, each with a fresh session key (as `session issue` sets it) and one
 * character in `zoneOf(i)`. Names are all 13 letters long, so every player's chat line has the
 * same size on the wire. Accounts have no usable password: they log in with the session key.
 * @throws the first database error.
 */
export async function makePlayers(
  db: DbClient,
  count: number,
  zoneOf: (i: number) => number,
  placeOf: (i: number) => Place = () => CROWD_PLACE,
): Promise<BenchPlayer[]> {
  const run = randomBytes(4).toString("hex");
  const players: BenchPlayer[] = [];
  for (let start = 0; start < count; start += BATCH) {
    const size = Math.min(BATCH, count - start);
    const now = new Date();
    const accounts = await db.account.createManyAndReturn({
      data: Array.from({ length: size }, (_, k) => ({
        email: `bench-${run}-${start + k}@example.test`,
        passwordHash: "bench: no password, log in with the session key",
        sessionKey: randomBytes(16).toString("hex"),
        sessionKeyCreatedAt: now,
      })),
      select: { id: true, email: true, sessionKey: true },
    });
    const characters = await db.character.createManyAndReturn({
      data: accounts.map((account, k) => {
        const name = uniqueCharacterName();
        return {
          accountId: account.id,
          name,
          nameKey: name.toLowerCase(),
          race: 1,
          class: 1,
          sex: 0,
          faction: 167,
          worldId: BENCH_WORLD_ID,
          zoneId: zoneOf(start + k),
          positionX: placeOf(start + k).x,
          positionZ: placeOf(start + k).z,
        };
      }),
      select: { id: true, accountId: true },
    });
    const characterOf = new Map(characters.map((c) => [c.accountId, c.id]));
    for (const account of accounts) {
      players.push({ accountId: account.id, email: account.email, sessionKey: account.sessionKey ?? "", characterId: characterOf.get(account.id) ?? 0 });
    }
  }
  return players;
}

/** Grants each player's character `amount` gold (copper), with its ledger entry, as an admin would. */
export async function grantGold(db: DbClient, players: readonly BenchPlayer[], amount: bigint): Promise<void> {
  const rules = await loadTestRules();
  const settled = await runPool(players.length, 8, (i) =>
    grantCurrency(db, {
      rules,
      actor: { kind: "admin", name: "bench" },
      currency: "gold",
      characterId: (players[i] as BenchPlayer).characterId,
      amount,
      reason: "bench purchases",
      source: "admin",
    }),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
}
