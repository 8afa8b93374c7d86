// The bench's accounts and characters, made straight in the database before the world server
// starts (embedded: the directory is not shared yet; PostgreSQL: the bench's own database), in
// bulk: setup is not what is measured, and thousands of players one action at a time take minutes.
import { randomBytes } from "node:crypto";
import type { GameData } from "@bezgelor/data";
import { grantCurrency, restockOffer, type DbClient } from "@bezgelor/db";
import { loadTestRules, uniqueCharacterName } from "@bezgelor/db/testing";
import type { BenchPlayer } from "./raw-client";
import { runPool } from "./stats";

/** The world of every bench character (the old login storm's). */
export const BENCH_WORLD_ID = 426;
/** The zone the chatting crowd shares; the round-trip clients each get a zone of their own above it. */
export const SHARED_ZONE_ID = 1;

const BATCH = 1000;

/** Where a bench character stands (metres; y is 0 unless given). */
export interface Place {
  readonly x: number;
  readonly y?: number;
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

/** The vendor the buyers use: sold by a unit of a spawn in {@link BENCH_WORLD_ID}, needing no reputation. */
export interface BenchVendor {
  readonly vendorId: number;
  /** The spawn's creature: the buyers tell its unit by this id in ServerEntityCreate. */
  readonly creatureId: number;
  readonly position: { readonly x: number; readonly y: number; readonly z: number };
}

/**
 * The shipped "General Goods" vendor (8003; stock entry 1 costs 50 copper) where it stands in the
 * bench's world. The Exile Quartermaster (8002) next to it wants friendly Exile standing, which
 * the bench's characters do not have: it would refuse them.
 * @throws Error when the game data has no spawn of that vendor in the bench's world, or it needs reputation.
 */
export function benchVendor(data: Pick<GameData, "spawns" | "vendors">, vendorId = 8003): BenchVendor {
  const vendor = data.vendors.get(vendorId);
  if (!vendor) throw new Error(`the game data has no vendor ${vendorId}`);
  if (vendor.requiredReputation) throw new Error(`vendor ${vendorId} needs reputation the bench's characters lack`);
  const spawn = data.spawns.all().find((s) => s.vendorId === vendorId && s.worldId === BENCH_WORLD_ID);
  if (!spawn) throw new Error(`no spawn of vendor ${vendorId} in world ${BENCH_WORLD_ID}`);
  return { vendorId, creatureId: spawn.creatureId, position: spawn.position };
}

/**
 * Where buyer `i` stands: on a 1 m grid of 8 × 8 starting 4 m from the vendor, all within its
 * interaction range (15 m, 3-D), on the vendor's height.
 */
export function buyerPlace(vendor: BenchVendor): (i: number) => Place {
  return (i) => ({ x: vendor.position.x + 4 + (i % 8), y: vendor.position.y, z: vendor.position.z + (Math.floor(i / 8) % 8) });
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
          positionY: placeOf(start + k).y ?? 0,
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

/** The store figure's two offers of the shipped catalog, as a buyer sends them. */
export interface BenchOffer {
  readonly offerId: number;
  /** The storefront's wire currency id (NCoin 11, Omnibits 6). */
  readonly currencyId: number;
  readonly price: number;
  readonly categoryId: number;
}

/**
 * Travel Rations (802, 50 NCoin, limited stock): the offer half the store's buyers contend on.
 * {@link prepareStoreBench} gives it stock for any run and a fixed price.
 */
export const CONTENDED_OFFER: BenchOffer = { offerId: 802, currencyId: 11, price: 50, categoryId: 8 };
/** 100 Premium Credits (601, 1,000 Omnibits, no stock): the offer the other half buys, each on its own account. */
export const FREE_OFFER: BenchOffer = { offerId: 601, currencyId: 6, price: 1000, categoryId: 7 };

/**
 * Readies the bench's database for the store figure: offer 802's stock raised by 900,000,000 with
 * the `restockOffer` action, its demand pricing turned off (a price that rises with every sale
 * would have the buyers' fixed price refused; the bench measures purchases, not refusals), and
 * each buyer's account granted premium and bonus currency for any run.
 * @throws the first database error.
 */
export async function prepareStoreBench(db: DbClient, buyers: readonly BenchPlayer[]): Promise<void> {
  const rules = await loadTestRules();
  const offer = await db.storeOffer.findUniqueOrThrow({ where: { id: CONTENDED_OFFER.offerId }, select: { version: true } });
  await restockOffer(db, {
    rules,
    actor: { kind: "admin", name: "bench" },
    offerId: CONTENDED_OFFER.offerId,
    amount: 900_000_000,
    expectedVersion: offer.version,
  });
  await db.storeOffer.update({ where: { id: CONTENDED_OFFER.offerId }, data: { demandRateBp: null, demandCapPercent: null } });
  const grants = buyers.flatMap((p) => (["premium", "bonus"] as const).map((currency) => ({ accountId: p.accountId, currency })));
  const settled = await runPool(grants.length, 8, (i) =>
    grantCurrency(db, {
      rules,
      actor: { kind: "admin", name: "bench" },
      ...(grants[i] as (typeof grants)[number]),
      amount: 1_000_000_000_000n,
      reason: "bench store purchases",
      source: "admin",
    }),
  );
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === "rejected");
  if (failed) throw failed.reason;
}

/** Units of the store figure's two offers sold so far (the `sold` counters purchases raise). */
export async function storeUnitsSold(db: DbClient): Promise<number> {
  const offers = await db.storeOffer.findMany({ where: { id: { in: [CONTENDED_OFFER.offerId, FREE_OFFER.offerId] } }, select: { sold: true } });
  return offers.reduce((n, o) => n + Number(o.sold), 0);
}
