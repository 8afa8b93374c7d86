// A large synthetic game data set, valid and fully cross-referenced, written to a temporary
// directory for the data-load figure (the issue measured a 17.6 MB set).
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defaultGameDataDir } from "@bezgelor/data";

const REWARD_LEVELS = ["friendly", "honored", "revered", "exalted"] as const;
const ITEM_KINDS = ["consumable", "equipment", "costume", "decor", "misc"] as const;
const RARITIES = ["common", "uncommon", "rare", "epic", "legendary"] as const;
const LOREM = "Forged on Nexus by the Eldan, carried by settlers, traded by the Exiles and the Dominion alike";

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

/**
 * The synthetic tables for `scale` (1 ≈ 17.6 MB on disk): items, creatures, quests, achievements,
 * titles, vendors and spawns, referring to each other and to the shipped factions and scales.
 */
export function syntheticTables(scale: number): Record<string, unknown> {
  const n = (base: number, max = Infinity) => Math.max(1, Math.min(max, Math.round(base * scale)));
  const factions = [166, 167];
  const reputation = (i: number) => [
    { factionId: pick(factions, i), amount: 25 + (i % 50) },
    { factionId: pick(factions, i + 1), amount: -10 - (i % 7) },
  ];
  const items = Array.from({ length: n(32_000) }, (_, i) => ({
    id: 100_000 + i,
    name: `Synthetic Item ${i}`,
    description: `${LOREM} (${i})`,
    kind: pick(ITEM_KINDS, i),
    ...(i % 3 === 0 ? { maxStack: 20 } : {}),
  }));
  const creatures = Array.from({ length: n(21_000) }, (_, i) => ({
    id: 200_000 + i,
    name: `Synthetic Creature ${i}`,
    level: 1 + (i % 50),
    rewards: { xp: 100 + i, reputation: reputation(i) },
  }));
  const quests = Array.from({ length: n(16_000, 30_000) }, (_, i) => ({
    id: 1 + i,
    name: `Synthetic Quest ${i}`,
    level: 1 + (i % 50),
    rewards: { gold: 500 + i, xp: 1000 + i, reputation: reputation(i) },
  }));
  const achievements = Array.from({ length: n(11_000, 30_000) }, (_, i) => ({
    id: 1 + i,
    name: `Synthetic Achievement ${i}`,
    description: `${LOREM} (${i})`,
    points: 10,
    rewards: { reputation: reputation(i).slice(0, 1) },
  }));
  const titles = Array.from({ length: n(9_000, 16_000) }, (_, i) => ({
    id: 1 + i,
    name: `Synthetic Title ${i}`,
    description: `${LOREM} (${i})`,
    category: i % 2 === 0 ? "reputation" : "quest",
    rarity: pick(RARITIES, i),
    unlock:
      i % 2 === 0 ? { type: "reputation", factionId: pick(factions, i), level: pick(REWARD_LEVELS, i) } : { type: "quest", questId: 1 + (i % quests.length) },
  }));
  const vendors = Array.from({ length: n(1_100) }, (_, v) => ({
    id: 1 + v,
    name: `Synthetic Vendor ${v}`,
    ...(v % 2 === 0 ? { requiredReputation: { factionId: pick(factions, v), level: "friendly" } } : {}),
    items: Array.from({ length: 20 }, (_, k) => ({ itemId: 100_000 + ((v * 20 + k) % items.length), price: 100 + k * 10 })),
  }));
  // Placed around the shipped start worlds: every tenth a vendor, every fiftieth a mailbox.
  const worlds = [426, 990, 870, 1387];
  const spawns = Array.from({ length: n(6_000) }, (_, i) => ({
    id: 1 + i,
    creatureId: 200_000 + (i % creatures.length),
    ...(i % 50 === 0 ? { type: "mailbox" } : {}),
    worldId: pick(worlds, i),
    position: { x: (i % 200) * 16 - 1600, y: -650, z: Math.floor(i / 200) * 16 - 1600 },
    yaw: 0,
    respawnSeconds: 60 + (i % 240),
    ...(i % 10 === 0 && i % 50 !== 0 ? { vendorId: 1 + (i % vendors.length) } : {}),
  }));
  return {
    "items.json": { items },
    "creatures.json": { creatures },
    "quests.json": { quests },
    "achievements.json": { achievements },
    "titles.json": { titles },
    "vendors.json": { vendors },
    "spawns.json": { spawns },
  };
}

/** A directory holding the synthetic set; remove it when done. */
export interface SyntheticDataSet {
  readonly dir: string;
  /** Bytes of every file in the directory. */
  readonly bytes: number;
  readonly files: readonly string[];
}

/**
 * Writes the shipped small tables and {@link syntheticTables} into `parent` (a fresh directory
 * under the OS temporary directory by default); the store catalog is copied without the offers
 * that grant shipped titles or items, and the shipped ability items (the mounts' summons) join
 * the synthetic items.
 */
export async function writeSyntheticDataSet(scale: number, parent?: string): Promise<SyntheticDataSet> {
  const dir = parent ?? (await mkdtemp(join(tmpdir(), "bezgelor-bench-data-")));
  const shipped = defaultGameDataDir();
  const tables = syntheticTables(scale);
  // The copied mounts name their summon (ability) items: keep those beside the synthetic items.
  const shippedItems = (JSON.parse(await readFile(join(shipped, "items.json"), "utf8")) as { items: { kind: string }[] }).items;
  const synthetic = tables["items.json"] as { items: unknown[] };
  tables["items.json"] = { items: [...synthetic.items, ...shippedItems.filter((item) => item.kind === "ability")] };
  // Every shipped file the synthetic set does not replace is copied as shipped: the small tables
  // whose ids the synthetic entries refer to, and any table added to the game data later.
  const copied = (await readdir(shipped)).filter((file) => file.endsWith(".json") && !(file in tables)).sort();
  let bytes = 0;
  const write = async (file: string, text: string) => {
    await writeFile(join(dir, file), text);
    bytes += Buffer.byteLength(text);
  };
  for (const file of copied) {
    let text = await readFile(join(shipped, file), "utf8");
    if (file === "store-catalog.json") text = JSON.stringify(withoutTitleOffers(JSON.parse(text) as StoreJson));
    await write(file, text);
  }
  for (const [file, json] of Object.entries(tables)) await write(file, JSON.stringify(json));
  return { dir, bytes, files: [...copied, ...Object.keys(tables)] };
}

interface StoreJson {
  categories: unknown[];
  offers: { kind: string; grants: { kind: string }[] }[];
}

/**
 * The shipped catalog minus offers granting titles or items: the synthetic titles and items replace
 * the shipped ones, so those grants would name nothing.
 */
function withoutTitleOffers(store: StoreJson): StoreJson {
  return { ...store, offers: store.offers.filter((offer) => offer.grants.every((grant) => grant.kind !== "title" && grant.kind !== "item")) };
}
