import { DATA_ERROR_CODE, DataError } from "./errors";
import { GAME_DATA_TABLES, type GameDataTableName } from "./files";
import type { GameData } from "./game-data";
import type { CollectibleReward } from "./schemas/collectible-reward";
import type { ReputationRequirement, ReputationReward } from "./schemas/common";
import type { Vendor } from "./schemas/vendor";

type Fail = (reason: string, path: string) => never;

function failer(table: GameDataTableName, id: string | number): Fail {
  return (reason, path) => {
    throw new DataError(DATA_ERROR_CODE.UNKNOWN_REFERENCE, reason, { file: GAME_DATA_TABLES[table].file, id, path });
  };
}

/** Checks the rewards' factions; the failer is made only for a failure (this runs for every entry of the large tables). */
function checkRewards(data: GameData, rewards: readonly ReputationReward[], path: string, table: GameDataTableName, id: string | number): void {
  for (let i = 0; i < rewards.length; i++) {
    const factionId = (rewards[i] as ReputationReward).factionId;
    if (!data.factions.has(factionId)) failer(table, id)(`unknown faction ${factionId}`, `${path}[${i}].factionId`);
  }
}

/** Each mount, pet and vanity pet a quest or achievement grants exists, and none is granted twice. */
function checkCollectibleRewards(data: GameData, rewards: readonly CollectibleReward[], path: string, fail: Fail): void {
  const seen = new Set<string>();
  rewards.forEach((reward, i) => {
    const at = `${path}[${i}]`;
    if (reward.kind === "mount" && !data.mounts.has(reward.mountId)) fail(`unknown mount ${reward.mountId}`, `${at}.mountId`);
    if (reward.kind === "pet" && !data.pets.has(reward.petId)) fail(`unknown pet ${reward.petId}`, `${at}.petId`);
    if (reward.kind === "vanity_pet" && !data.vanityPets.has(reward.vanityPetId)) fail(`unknown vanity pet ${reward.vanityPetId}`, `${at}.vanityPetId`);
    const key = JSON.stringify(reward);
    if (seen.has(key)) fail(`${reward.kind} is granted twice`, at);
    seen.add(key);
  });
}

/** A requirement names a faction and a level every scale defines, so any scale can be configured. */
function checkRequirement(data: GameData, req: ReputationRequirement, path: string, fail: Fail): void {
  if (!data.factions.has(req.factionId)) fail(`unknown faction ${req.factionId}`, `${path}.factionId`);
  for (const scale of data.reputationScales.all()) {
    if (!scale.levelsByName.has(req.level)) fail(`level "${req.level}" is not defined in scale "${scale.id}"`, `${path}.level`);
  }
}

function checkTitles(data: GameData): void {
  for (const title of data.titles.all()) {
    const fail = failer("titles", title.id);
    const unlock = title.unlock;
    switch (unlock.type) {
      case "reputation":
        checkRequirement(data, unlock, "unlock", fail);
        break;
      case "achievement":
        if (!data.achievements.has(unlock.achievementId)) fail(`unknown achievement ${unlock.achievementId}`, "unlock.achievementId");
        break;
      case "quest":
        if (!data.quests.has(unlock.questId)) fail(`unknown quest ${unlock.questId}`, "unlock.questId");
        break;
      case "path": {
        const path = data.paths.get(unlock.path);
        if (path === undefined) fail(`unknown path "${unlock.path}"`, "unlock.path");
        else if (unlock.level > path.maxLevel) fail(`level ${unlock.level} is above the path's maxLevel ${path.maxLevel}`, "unlock.level");
        break;
      }
      case "store": {
        const offer = data.storeOffers.get(unlock.offerId);
        if (offer === undefined) fail(`unknown store offer ${unlock.offerId}`, "unlock.offerId");
        else if (!offer.grants.some((g) => g.kind === "title" && g.titleId === title.id)) {
          fail(`store offer ${unlock.offerId} does not grant this title`, "unlock.offerId");
        }
        break;
      }
      case "event":
      case "gm":
        break;
    }
  }
}

function checkSpawns(data: GameData): void {
  for (const spawn of data.spawns.all()) {
    if (!data.creatures.has(spawn.creatureId)) failer("spawns", spawn.id)(`unknown creature ${spawn.creatureId}`, "creatureId");
    if (spawn.vendorId !== undefined && !data.vendors.has(spawn.vendorId)) failer("spawns", spawn.id)(`unknown vendor ${spawn.vendorId}`, "vendorId");
  }
}

function checkCreaturesQuestsVendors(data: GameData): void {
  for (const creature of data.creatures.all()) {
    checkRewards(data, creature.rewards.reputation, "rewards.reputation", "creatures", creature.id);
    if (creature.factionId !== undefined && !data.factions.has(creature.factionId)) {
      failer("creatures", creature.id)(`unknown faction ${creature.factionId}`, "factionId");
    }
  }
  for (const quest of data.quests.all()) {
    checkRewards(data, quest.rewards.reputation, "rewards.reputation", "quests", quest.id);
    const titleId = quest.rewards.titleId;
    if (titleId !== undefined && !data.titles.has(titleId)) failer("quests", quest.id)(`unknown title ${titleId}`, "rewards.titleId");
    if (quest.rewards.collectibles.length > 0) checkCollectibleRewards(data, quest.rewards.collectibles, "rewards.collectibles", failer("quests", quest.id));
  }

  for (const vendor of data.vendors.all()) {
    const fail = failer("vendors", vendor.id);
    if (vendor.requiredReputation !== undefined) checkRequirement(data, vendor.requiredReputation, "requiredReputation", fail);
    const seen = new Set<number>();
    for (let i = 0; i < vendor.items.length; i++) {
      const itemId = (vendor.items[i] as Vendor["items"][number]).itemId;
      if (!data.items.has(itemId)) fail(`unknown item ${itemId}`, `items[${i}].itemId`);
      if (seen.has(itemId)) fail(`item ${itemId} is listed twice`, `items[${i}].itemId`);
      seen.add(itemId);
    }
  }
}

/**
 * Checks a store catalog (categories and offers) against the rest of the game data: parents exist
 * without cycles, offers name known categories, mounts, pets, items and store titles.
 * @throws {DataError} `UNKNOWN_REFERENCE` naming `store-catalog.json`, the entry id and the field path.
 */
export function checkStore(data: Pick<GameData, "storeCategories" | "storeOffers" | "mounts" | "pets" | "items" | "titles">): void {
  for (const category of data.storeCategories.all()) {
    const fail = failer("storeCategories", category.id);
    const seen = new Set<number>([category.id]);
    for (let parent = category.parentId; parent !== undefined; parent = data.storeCategories.get(parent)?.parentId) {
      if (!data.storeCategories.has(parent)) fail(`unknown store category ${parent}`, "parentId");
      if (seen.has(parent)) fail(`category parents form a cycle through ${parent}`, "parentId");
      seen.add(parent);
    }
  }
  for (const offer of data.storeOffers.all()) {
    const fail = failer("storeOffers", offer.id);
    if (!data.storeCategories.has(offer.categoryId)) fail(`unknown store category ${offer.categoryId}`, "categoryId");
    offer.grants.forEach((grant, i) => {
      const at = `grants[${i}]`;
      if (grant.kind === "mount" && !data.mounts.has(grant.mountId)) fail(`unknown mount ${grant.mountId}`, `${at}.mountId`);
      if (grant.kind === "pet" && !data.pets.has(grant.petId)) fail(`unknown pet ${grant.petId}`, `${at}.petId`);
      if (grant.kind === "item" && !data.items.has(grant.itemId)) fail(`unknown item ${grant.itemId}`, `${at}.itemId`);
      if (grant.kind === "title") {
        const title = data.titles.get(grant.titleId);
        if (title === undefined) fail(`unknown title ${grant.titleId}`, `${at}.titleId`);
        else if (title.unlock.type !== "store") fail(`title ${grant.titleId} is not a store title`, `${at}.titleId`);
      }
    });
    if (offer.maxQuantity > 1 && offer.grants.some((g) => g.kind !== "item" && g.kind !== "currency")) {
      fail("maxQuantity above 1 needs an offer that grants only items and currency", "maxQuantity");
    }
  }
}

/** VIP tiers: spend rises with the tier, the first tier needs none or more, and discounts name known categories. */
function checkVipTiers(data: GameData): void {
  let previous: bigint | null = null;
  for (const tier of [...data.vipTiers.all()].sort((a, b) => a.id - b.id)) {
    const fail = failer("vipTiers", tier.id);
    if (previous !== null && tier.lifetimePremiumSpend <= previous) fail("lifetimePremiumSpend must rise with the tier", "lifetimePremiumSpend");
    previous = tier.lifetimePremiumSpend;
    tier.categoryDiscounts.forEach((d, i) => {
      if (!data.storeCategories.has(d.categoryId)) fail(`unknown store category ${d.categoryId}`, `categoryDiscounts[${i}].categoryId`);
    });
  }
}

/** Every creation choice starts somewhere: a start location of its own race and faction. */
function checkCharacterCreations(data: GameData): void {
  for (const start of data.startLocations.all()) {
    if (!data.factions.has(start.factionId)) failer("startLocations", start.id)(`unknown faction ${start.factionId}`, "factionId");
  }
  for (const creation of data.characterCreations.all()) {
    const fail = failer("characterCreations", creation.id);
    if (!data.factions.has(creation.factionId)) fail(`unknown faction ${creation.factionId}`, "factionId");
    const start = data.startLocations.for(creation.race, creation.factionId);
    if (start?.race !== creation.race) fail(`no start location for race ${creation.race} of faction ${creation.factionId}`, "race");
  }
}

function checkProgressRewards(data: GameData): void {
  for (const achievement of data.achievements.all()) {
    checkRewards(data, achievement.rewards.reputation, "rewards.reputation", "achievements", achievement.id);
    if (achievement.rewards.collectibles.length > 0) {
      checkCollectibleRewards(data, achievement.rewards.collectibles, "rewards.collectibles", failer("achievements", achievement.id));
    }
  }
  for (const path of data.paths.all()) {
    const fail = failer("paths", path.id);
    const seen = new Set<number>();
    path.levelRewards.forEach((reward, i) => {
      if (reward.level > path.maxLevel) fail(`level ${reward.level} is above the path's maxLevel ${path.maxLevel}`, `levelRewards[${i}].level`);
      if (seen.has(reward.level)) fail(`level ${reward.level} is rewarded twice`, `levelRewards[${i}].level`);
      seen.add(reward.level);
      checkRewards(data, reward.reputation, `levelRewards[${i}].reputation`, "paths", path.id);
    });
  }
}

/**
 * Mounts name ability items of the item table, and no two mounts or vanity pets share a summon
 * spell (the spell id is what the client sends to summon and customise), and no two flair pieces
 * share an unlock bit; a mount spell names a mount whose summon spell and ability item are its own.
 */
function checkCollectibles(data: GameData): void {
  const spells = new Map<number, string>();
  const claim = (spellId: number, owner: string, fail: Fail): void => {
    const other = spells.get(spellId);
    if (other !== undefined) fail(`spell ${spellId} already summons ${other}`, "spellId");
    spells.set(spellId, owner);
  };
  for (const mount of data.mounts.all()) {
    const fail = failer("mounts", mount.id);
    const item = data.items.get(mount.abilityItemId);
    if (item === undefined) fail(`unknown item ${mount.abilityItemId}`, "abilityItemId");
    else if (item.kind !== "ability") fail(`item ${mount.abilityItemId} is not an ability item`, "abilityItemId");
    claim(mount.spellId, `mount ${mount.id}`, fail);
  }
  for (const spell of data.spells.all()) {
    if (spell.kind !== "mount") continue;
    const fail = failer("spells", spell.id);
    const mount = data.mounts.get(spell.mountId);
    if (mount === undefined) fail(`unknown mount ${spell.mountId}`, "mountId");
    else if (mount.spellId !== spell.spell4Id) fail(`mount ${mount.id} is summoned by spell4 ${mount.spellId}, not ${spell.spell4Id}`, "spell4Id");
    else if (mount.abilityItemId !== spell.id) fail(`mount ${mount.id}'s ability item is ${mount.abilityItemId}, not ${spell.id}`, "id");
  }
  for (const pet of data.vanityPets.all()) claim(pet.spellId, `vanity pet ${pet.id}`, failer("vanityPets", pet.id));
  const bits = new Map<number, number>();
  for (const flair of data.flair.all()) {
    const other = bits.get(flair.unlockBit);
    if (other !== undefined) failer("flair", flair.id)(`unlock bit ${flair.unlockBit} is flair ${other}'s`, "unlockBit");
    bits.set(flair.unlockBit, flair.id);
  }
}

/** Levels run 1, 2, 3... without gaps, level 1 at 0 XP, each at more XP than the one before. */
function checkCharacterLevels(data: GameData): void {
  const levels = [...data.characterLevels.all()].sort((a, b) => a.id - b.id);
  levels.forEach((level, i) => {
    const fail = failer("characterLevels", level.id);
    if (level.id !== i + 1) fail(`level ${i + 1} is missing before level ${level.id}`, "id");
    if (i === 0 && level.minXp !== 0) fail("level 1 must take 0 XP", "minXp");
    if (i > 0 && level.minXp <= levels[i - 1]!.minXp) fail(`level ${level.id} must take more XP than level ${level.id - 1}`, "minXp");
  });
}

/**
 * Check every id one entry uses against the table that should hold it.
 * @throws {DataError} `UNKNOWN_REFERENCE` naming the referring file, entry id and field path.
 */
export function checkReferences(data: GameData): void {
  checkCharacterLevels(data);
  checkTitles(data);
  checkCharacterCreations(data);
  checkProgressRewards(data);
  checkCreaturesQuestsVendors(data);
  checkSpawns(data);
  checkStore(data);
  checkCollectibles(data);
  checkVipTiers(data);
}
