/**
 * `@bezgelor/data`: static WildStar game definitions, validated with zod, cross-checked at load
 * time and served as read-only tables indexed by id.
 * @packageDocumentation
 */
export { DATA_ERROR_CODE, DataError, type DataErrorCode, type DataErrorDetails } from "./errors";
export { Table } from "./table";
export { TitleTable } from "./title-table";
export { StoreOfferTable } from "./store-offer-table";
export { StartLocationTable } from "./start-location-table";
export type { GameData } from "./game-data";
export { GAME_DATA_TABLES, type GameDataInput, type GameDataTableName } from "./files";
export { buildGameData } from "./build-game-data";
export { loadGameData, defaultGameDataDir, type LoadGameDataOptions } from "./load-game-data";
export { decodeUtf8 } from "./decode-utf8";
export { ACCOUNT_CURRENCY, CURRENCIES, CURRENCY, type AccountCurrency, type Currency, type CurrencyDef, type CurrencyOwnerKind } from "./currencies";
export { gameDataConfigSchema, selectReputationScale, type GameDataConfig } from "./config";

export { MAX_MONEY, WIRE_BITS, maxOfBits, type WireField } from "./schemas/wire";
export { MAX_WIRE_ID_14, reputationRewardSchema, reputationRequirementSchema, type ReputationReward, type ReputationRequirement } from "./schemas/common";
export { factionSchema, type Faction } from "./schemas/faction";
export {
  DEFAULT_REPUTATION_SCALE,
  REPUTATION_DIRECTION,
  reputationScaleSchema,
  type ReputationDirection,
  type ReputationLevel,
  type ReputationScale,
} from "./schemas/reputation-scale";
export {
  TITLE_CATEGORY,
  TITLE_RARITY,
  TITLE_UNLOCK_TYPE,
  titleSchema,
  titleUnlockSchema,
  type Title,
  type TitleCategory,
  type TitleRarity,
  type TitleUnlock,
  type TitleUnlockType,
} from "./schemas/title";
export { CREATURE_HEALTH_PER_LEVEL, creatureHealth, creatureSchema, type Creature } from "./schemas/creature";
export { MAX_RESPAWN_SECONDS, SPAWN_TYPES, spawnSchema, type Spawn } from "./schemas/spawn";
export { MAX_CHARACTER_LEVEL, characterLevelSchema, type CharacterLevel } from "./schemas/character-level";
export { MAX_SPELL_RANGE, SPELL_KINDS, spellSchema, type Spell, type SpellKind, type SpellOf } from "./schemas/spell";
export { questSchema, type Quest } from "./schemas/quest";
export { MAX_VENDOR_ITEMS, vendorSchema, vendorItemSchema, vendorStockEntry, type Vendor, type VendorItem } from "./schemas/vendor";
export { ITEM_KIND, itemSchema, type Item, type ItemKind } from "./schemas/item";
export { achievementSchema, type Achievement } from "./schemas/achievement";
export { collectibleOfReward, collectibleRewardSchema, type CollectibleReward } from "./schemas/collectible-reward";
export { MAX_PATH_LEVEL, PATH_KEY, pathSchema, type PathDef, type PathKey } from "./schemas/path";
export {
  COLLECTIBLE_UNLOCK,
  FLAIR_SLOTS,
  MAX_DYE_CHANNELS,
  MOUNT_TYPE,
  mountSchema,
  mountUpgradeSchema,
  type CollectibleUnlock,
  type FlairSlot,
  type Mount,
  type MountType,
  type MountUpgrade,
} from "./schemas/mount";
export { MAX_PET_LEVEL, petLevelRewardSchema, petSchema, type Pet, type PetLevelReward } from "./schemas/pet";
export { vanityPetSchema, type VanityPet } from "./schemas/vanity-pet";
export { FLAIR_POSITION, FLAIR_UNLOCK_BITS, flairSchema, type Flair, type FlairPosition } from "./schemas/flair";
export { CLASS, RACE, SEX, characterCreationSchema, type CharacterCreation } from "./schemas/character-creation";
export { characterChoiceLabel } from "./character-labels";
export { WORLD_HALF_EXTENT, startLocationSchema, worldPositionSchema, type StartLocation } from "./schemas/start-location";
export { parseStoreCatalog, storeCatalogOf, type StoreCatalog } from "./store-catalog";
export {
  PURCHASE_LIMIT_PERIOD,
  STORE_CURRENCY,
  STORE_DISPLAY_FLAG,
  STORE_OFFER_KIND,
  vipTierSchema,
  storeCategorySchema,
  MAX_STORE_PRICE,
  MAX_STORE_QUANTITY,
  MAX_STORE_STOCK,
  MIN_STORE_PRICE,
  ZERO_STORE_PRICE_MESSAGE,
  storeGrantSchema,
  storeOfferSchema,
  type StoreCategory,
  type StoreCurrency,
  type StoreDisplayFlag,
  type StoreGrant,
  type StoreOffer,
  type StoreOfferKind,
  type StorePrices,
  type DemandPricing,
  type PurchaseLimit,
  type PurchaseLimitPeriod,
  type VipTier,
} from "./schemas/store-catalog";
