// The events actions cause. Each is written to the outbox (game_events) in the action's own
// transaction and returned to the caller; the world server turns them into packets for whoever is
// online (world/src/events/deliver-event.ts). Every event names the account it is for, and the
// character when it is about one character.
import type { Currency } from "@bezgelor/data";
import type { AccountRole } from "../accounts/roles.js";
import type { CollectibleType } from "../collections/collection-record.js";

/** Every event kind, as stored in game_events.kind. */
export const GAME_EVENT_KINDS = [
  "reputation.changed",
  "title.granted",
  "title.revoked",
  "title.active-changed",
  "currency.changed",
  "quest.state-changed",
  "achievement.earned",
  "path.level-changed",
  "inventory.changed",
  "creature.killed",
  "experience.gained",
  "character.level-changed",
  "account.sessions-revoked",
  "account.role-changed",
  "friend.invite-received",
  "friend.invite-removed",
  "friend.invite-answered",
  "friendship.added",
  "friendship.changed",
  "friendship.removed",
  "mail.arrived",
  "mail.removed",
  "mail.cod-paid",
  "collection.unlocked",
  "mount.customized",
  "pet.renamed",
  "pet.xp-gained",
  "store.purchased",
  "store.refunded",
  "promo.redeemed",
  "store.catalog-changed",
] as const;

/** One of {@link GAME_EVENT_KINDS}. */
export type GameEventKind = (typeof GAME_EVENT_KINDS)[number];

interface CharacterScoped {
  accountId: number;
  characterId: number;
}

/** A standing changed. `delta` is what was applied after clamping (after - before). */
export interface ReputationChangedEvent extends CharacterScoped {
  kind: "reputation.changed";
  factionId: number;
  delta: number;
  before: number;
  after: number;
  /** Level names under the scale the action ran with. */
  levelBefore: string;
  levelAfter: string;
  /** What caused it, e.g. "kill 12345", "quest 5001", "gm". */
  source: string;
}

/** A title was unlocked for the account (or an expired one renewed). */
export interface TitleGrantedEvent {
  kind: "title.granted";
  accountId: number;
  /** The character whose progress unlocked it, if any. */
  characterId: number | null;
  titleId: number;
  source: string;
  expiresAt: Date | null;
}

/** A title was taken away from the account. */
export interface TitleRevokedEvent {
  kind: "title.revoked";
  accountId: number;
  characterId: number | null;
  titleId: number;
  /** True when it was the active title, which is now cleared. */
  clearedActive: boolean;
}

/** The account's active title changed; `titleId` null means none. */
export interface TitleActiveChangedEvent {
  kind: "title.active-changed";
  accountId: number;
  characterId: number | null;
  titleId: number | null;
}

/** A balance changed, with its ledger entry. Gold has a character; premium and bonus do not. */
export interface CurrencyChangedEvent {
  kind: "currency.changed";
  accountId: number;
  characterId: number | null;
  currency: Currency;
  delta: bigint;
  balanceBefore: bigint;
  balanceAfter: bigint;
  ledgerEntryId: bigint;
  source: string;
  reason: string;
}

/** A quest was accepted or completed. */
export interface QuestStateChangedEvent extends CharacterScoped {
  kind: "quest.state-changed";
  questId: number;
  state: "accepted" | "completed";
}

/** An achievement was earned (once). */
export interface AchievementEarnedEvent extends CharacterScoped {
  kind: "achievement.earned";
  achievementId: number;
  earnedAt: Date;
}

/** A path level was set. */
export interface PathLevelChangedEvent extends CharacterScoped {
  kind: "path.level-changed";
  path: string;
  before: number;
  after: number;
}

/** The count of an item in the inventory changed. */
export interface InventoryChangedEvent extends CharacterScoped {
  kind: "inventory.changed";
  itemId: number;
  delta: number;
  count: number;
}

/** A creature died to the character (its rewards are their own events). */
export interface CreatureKilledEvent extends CharacterScoped {
  kind: "creature.killed";
  creatureId: number;
}

/** A character gained XP (`reason`: kill, quest or gm); `total` is its XP after. */
export interface ExperienceGainedEvent extends CharacterScoped {
  kind: "experience.gained";
  amount: number;
  total: number;
  reason: "kill" | "quest" | "gm";
  source: string;
}

/** A character's level rose (its XP reached a new level, data `characterLevels`): `from` before, `level` now. */
export interface CharacterLevelChangedEvent extends CharacterScoped {
  kind: "character.level-changed";
  from: number;
  level: number;
}

/** The account's sessions must end (password changed, banned...). */
export interface AccountSessionsRevokedEvent {
  kind: "account.sessions-revoked";
  accountId: number;
  characterId: null;
  reason: string;
}

/** The account's role changed (an operator promoted or demoted it). */
export interface AccountRoleChangedEvent {
  kind: "account.role-changed";
  accountId: number;
  characterId: null;
  role: AccountRole;
}

/** A friend request arrived for the invitee (`characterId`). */
export interface FriendInviteReceivedEvent extends CharacterScoped {
  kind: "friend.invite-received";
  inviteId: bigint;
  inviterCharacterId: number;
  inviterName: string;
  note: string;
  expiresAt: Date;
}

/** An invite is no longer waiting for the invitee (`characterId`): answered, withdrawn by an ignore, or expired. */
export interface FriendInviteRemovedEvent extends CharacterScoped {
  kind: "friend.invite-removed";
  inviteId: bigint;
  reason: "answered" | "ignored" | "expired";
}

/** The inviter (`characterId`) learns what became of their invite. */
export interface FriendInviteAnsweredEvent extends CharacterScoped {
  kind: "friend.invite-answered";
  inviteId: bigint;
  inviteeCharacterId: number;
  inviteeName: string;
  answer: "accepted" | "declined" | "ignored" | "expired";
}

/** A new entry in the friend list of `characterId`. `type` is the client's FriendshipType. */
export interface FriendshipAddedEvent extends CharacterScoped {
  kind: "friendship.added";
  friendshipId: bigint;
  otherCharacterId: number;
  otherName: string;
  type: number;
  note: string;
}

/** An entry of the friend list of `characterId` changed type or note. */
export interface FriendshipChangedEvent extends CharacterScoped {
  kind: "friendship.changed";
  friendshipId: bigint;
  otherCharacterId: number;
  type: number;
  note: string;
}

/** An entry left the friend list of `characterId` (removed, or the other ignored them). */
export interface FriendshipRemovedEvent extends CharacterScoped {
  kind: "friendship.removed";
  friendshipId: bigint;
  otherCharacterId: number;
}

/** A mail arrived in the mailbox of `characterId` (sent to them, or returned to them). */
export interface MailArrivedEvent extends CharacterScoped {
  kind: "mail.arrived";
  mailId: bigint;
  reason: "sent" | "returned";
  senderType: number;
  senderName: string;
  subject: string;
}

/** A mail left the mailbox of `characterId`. After "expired", its contents were settled to them by their own events. */
export interface MailRemovedEvent extends CharacterScoped {
  kind: "mail.removed";
  mailId: bigint;
  reason: "deleted" | "returned" | "expired";
}

/** The recipient paid the cash on delivery of a mail from `characterId`, into their purse. */
export interface MailCodPaidEvent extends CharacterScoped {
  kind: "mail.cod-paid";
  mailId: bigint;
  payerCharacterId: number;
  payerName: string;
  amount: bigint;
}

/** A mount, pet, vanity pet or flair piece joined a collection: the account's (every character) or one character's. */
export interface CollectionUnlockedEvent {
  kind: "collection.unlocked";
  accountId: number;
  /** The character it was unlocked for (character collections) or through (account ones), if any. */
  characterId: number | null;
  scope: "account" | "character";
  collectibleType: CollectibleType;
  collectibleId: number;
  source: string;
}

/** A character changed one of its mounts: the whole customisation after the change. */
export interface MountCustomizedEvent extends CharacterScoped {
  kind: "mount.customized";
  mountId: number;
  /** What changed: "flair", "dye", "upgrade" or "trick". */
  change: "flair" | "dye" | "upgrade" | "trick";
  flair: number[];
  dyes: number[];
  upgrades: string[];
  tricks: string[];
}

/** A pet (combat or vanity) of a character got or lost its nickname. */
export interface PetRenamedEvent extends CharacterScoped {
  kind: "pet.renamed";
  petKind: "pet" | "vanity_pet";
  petId: number;
  nickname: string | null;
}

/** A combat pet gained XP (`gained` > 0), and maybe levels. `xp` is its new total. */
export interface PetXpGainedEvent extends CharacterScoped {
  kind: "pet.xp-gained";
  petId: number;
  gained: number;
  xp: number;
  fromLevel: number;
  toLevel: number;
  source: string;
}

/** A storefront purchase (or a gift bought for someone) was charged and recorded. */
export interface StorePurchasedEvent {
  kind: "store.purchased";
  accountId: number;
  characterId: number | null;
  purchaseId: bigint;
  offerId: number;
  currency: "premium" | "bonus" | "gold";
  basePrice: bigint;
  amountPaid: bigint;
  discountPercent: number;
  discountSource: string | null;
  recipientCharacterId: number | null;
}

/** A gift went back to its buyer (returned or expired) and was refunded exactly. */
export interface StoreRefundedEvent {
  kind: "store.refunded";
  accountId: number;
  characterId: number | null;
  purchaseId: bigint;
  currency: "premium" | "bonus" | "gold";
  amount: bigint;
}

/**
 * An admin changed an offer (price, stock, availability, featured, exchange rate): for everyone
 * online, not one account, so players with the store open see it refreshed.
 */
export interface StoreCatalogChangedEvent {
  kind: "store.catalog-changed";
  accountId: null;
  characterId: null;
  offerId: number | null;
  /** What changed, as the admin edit log names it (`price.premium`, `stock`, `rate`...). */
  field: string;
}

/** A promo code was redeemed; its rewards are their own events. */
export interface PromoRedeemedEvent {
  kind: "promo.redeemed";
  accountId: number;
  characterId: number | null;
  codeId: number;
  code: string;
}

/** Any event an action can cause. */
export type GameEvent =
  | ReputationChangedEvent
  | TitleGrantedEvent
  | TitleRevokedEvent
  | TitleActiveChangedEvent
  | CurrencyChangedEvent
  | QuestStateChangedEvent
  | AchievementEarnedEvent
  | PathLevelChangedEvent
  | InventoryChangedEvent
  | CreatureKilledEvent
  | ExperienceGainedEvent
  | CharacterLevelChangedEvent
  | AccountSessionsRevokedEvent
  | AccountRoleChangedEvent
  | FriendInviteReceivedEvent
  | FriendInviteRemovedEvent
  | FriendInviteAnsweredEvent
  | FriendshipAddedEvent
  | FriendshipChangedEvent
  | FriendshipRemovedEvent
  | MailArrivedEvent
  | MailRemovedEvent
  | MailCodPaidEvent
  | CollectionUnlockedEvent
  | MountCustomizedEvent
  | PetRenamedEvent
  | PetXpGainedEvent
  | StorePurchasedEvent
  | StoreRefundedEvent
  | PromoRedeemedEvent
  | StoreCatalogChangedEvent;

/** The event of kind `K`. */
export type GameEventOf<K extends GameEventKind> = Extract<GameEvent, { kind: K }>;

/** An event read back from the outbox, with its row id and time. */
export interface StoredGameEvent {
  id: bigint;
  createdAt: Date;
  event: GameEvent;
}
