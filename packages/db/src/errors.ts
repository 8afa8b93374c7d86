// One error class for the package, with a code from a const table (trpc style). Contexts never let
// a raw Prisma or driver error escape: they map it to a code, or wrap it as CONNECTION_FAILED (an
// outage), INVALID_INPUT (text the database cannot store: the input's fault, nothing changed) or INTERNAL.
import { isDatabaseUnavailable, outageReason } from "./open/unavailable.js";
import { causeChain } from "./cause-chain.js";

/** Every code a {@link DbError} can carry. */
export const DB_ERROR_CODES = {
  /** An account with this email (compared case-insensitively) exists already. */
  EMAIL_TAKEN: "EMAIL_TAKEN",
  /** A character with this name (compared case-insensitively) exists already. */
  NAME_TAKEN: "NAME_TAKEN",
  /** The account already holds the most characters it may (see MAX_CHARACTERS_PER_ACCOUNT); nothing was created. */
  CHARACTER_LIMIT_REACHED: "CHARACTER_LIMIT_REACHED",
  /** A race, class, sex and faction the character-creation screen does not offer (core checkCharacterCreation; `details.offered` lists what it offers instead); nothing was created. */
  CHARACTER_CREATION_NOT_OFFERED: "CHARACTER_CREATION_NOT_OFFERED",
  /** A spend larger than the balance; nothing was changed. */
  INSUFFICIENT_FUNDS: "INSUFFICIENT_FUNDS",
  /** A gold amount that is not a positive 64-bit integer. */
  INVALID_AMOUNT: "INVALID_AMOUNT",
  /**
   * Any other malformed input (email, password, name, ids...). `details.issues` says which; or,
   * from the database itself, text holding a character it cannot store (`details.sqlState` 22021
   * or 22P05): the statement failed, so nothing was changed.
   */
  INVALID_INPUT: "INVALID_INPUT",
  ACCOUNT_NOT_FOUND: "ACCOUNT_NOT_FOUND",
  /** No such character, or it belongs to another account. */
  CHARACTER_NOT_FOUND: "CHARACTER_NOT_FOUND",
  /** Unknown email or wrong password (deliberately not told apart). */
  INVALID_CREDENTIALS: "INVALID_CREDENTIALS",
  /** No such account/email/key combination, or a malformed key. */
  SESSION_INVALID: "SESSION_INVALID",
  /** The key matches but is older than its lifetime. */
  SESSION_EXPIRED: "SESSION_EXPIRED",
  /** The credit would take the balance past the 64-bit maximum; nothing was changed. */
  BALANCE_OVERFLOW: "BALANCE_OVERFLOW",
  /** setActiveTitle with a title the account does not own, or whose ownership has expired. */
  TITLE_NOT_OWNED: "TITLE_NOT_OWNED",
  /** acceptQuest for a quest the character has accepted and not completed. */
  QUEST_ALREADY_ACCEPTED: "QUEST_ALREADY_ACCEPTED",
  /** acceptQuest or completeQuest for a quest the character has completed (quests complete once). */
  QUEST_ALREADY_COMPLETED: "QUEST_ALREADY_COMPLETED",
  /** completeQuest for a quest the character never accepted. */
  QUEST_NOT_ACCEPTED: "QUEST_NOT_ACCEPTED",
  /** The item count would pass 2^31-1; nothing was changed. */
  INVENTORY_OVERFLOW: "INVENTORY_OVERFLOW",
  /** An id the game data does not define (creature, quest, achievement, path, title, vendor); `details` names the table and id. */
  UNKNOWN_GAME_DATA: "UNKNOWN_GAME_DATA",
  /** A vendor asked for an item it does not sell; nothing was changed. */
  ITEM_NOT_SOLD: "ITEM_NOT_SOLD",
  /** A vendor will not trade at the character's standing (read in the purchase's transaction); nothing was changed. */
  REPUTATION_TOO_LOW: "REPUTATION_TOO_LOW",
  /** A vendor purchase of a quantity core's checkVendorQuantity refuses (outside 1..1000); `details` names the bounds. Nothing was changed. */
  VENDOR_QUANTITY_INVALID: "VENDOR_QUANTITY_INVALID",
  /** Friends (issue 10); each maps to a FriendshipResult in FRIENDSHIP_RESULT_BY_ERROR. */
  FRIEND_CANNOT_INVITE_SELF: "FRIEND_CANNOT_INVITE_SELF",
  /** A friendship type the character list does not take (Account, FriendAndRival, unknown). */
  FRIEND_INVALID_TYPE: "FRIEND_INVALID_TYPE",
  /** The adder ignores the target; unignore first. */
  FRIEND_TARGET_IGNORED: "FRIEND_TARGET_IGNORED",
  /** The target ignores the adder, or is of the other faction. */
  FRIEND_REQUEST_DENIED: "FRIEND_REQUEST_DENIED",
  FRIEND_ALREADY_FRIEND: "FRIEND_ALREADY_FRIEND",
  FRIEND_ALREADY_IGNORED: "FRIEND_ALREADY_IGNORED",
  FRIEND_ALREADY_RIVAL: "FRIEND_ALREADY_RIVAL",
  FRIEND_MAX_FRIENDS: "FRIEND_MAX_FRIENDS",
  FRIEND_MAX_IGNORED: "FRIEND_MAX_IGNORED",
  FRIEND_MAX_RIVALS: "FRIEND_MAX_RIVALS",
  /** The target has as many invites waiting as allowed. */
  FRIEND_QUEUED_REQUESTS: "FRIEND_QUEUED_REQUESTS",
  FRIEND_INVALID_NOTE: "FRIEND_INVALID_NOTE",
  /** No such invite waiting for this character. */
  FRIEND_REQUEST_NOT_FOUND: "FRIEND_REQUEST_NOT_FOUND",
  FRIEND_REQUEST_TIMED_OUT: "FRIEND_REQUEST_TIMED_OUT",
  /** No friend list entry for that character. */
  FRIENDSHIP_NOT_FOUND: "FRIENDSHIP_NOT_FOUND",
  FRIEND_NOT_FRIEND: "FRIEND_NOT_FRIEND",
  FRIEND_NOT_IGNORED: "FRIEND_NOT_IGNORED",
  FRIEND_NOT_RIVAL: "FRIEND_NOT_RIVAL",
  /** Mail (issue 10); each maps to a mail GenericError in MAIL_ERROR_BY_ERROR. */
  MAIL_CANNOT_MAIL_SELF: "MAIL_CANNOT_MAIL_SELF",
  /** The recipient ignores the sender. */
  MAIL_RECIPIENT_IGNORES_SENDER: "MAIL_RECIPIENT_IGNORES_SENDER",
  /** Subject or body the client could not have sent (length, control characters). */
  MAIL_INVALID_TEXT: "MAIL_INVALID_TEXT",
  MAIL_COD_AND_GIFT: "MAIL_COD_AND_GIFT",
  /** Cash on delivery asked for a mail without items. */
  MAIL_COD_WITHOUT_ATTACHMENTS: "MAIL_COD_WITHOUT_ATTACHMENTS",
  /** The sender does not hold the items to attach; nothing was changed. */
  MAIL_NOT_ENOUGH_ITEMS: "MAIL_NOT_ENOUGH_ITEMS",
  /** An attached item stack outside 1..the item's maxStack (core checkMailStacks; `details`: itemId, count, maxStack); nothing was changed. */
  MAIL_ITEM_STACK_INVALID: "MAIL_ITEM_STACK_INVALID",
  /** No such mail in this character's mailbox. */
  MAIL_DOES_NOT_EXIST: "MAIL_DOES_NOT_EXIST",
  /** The slot is empty (already taken), or there is no gold to take. */
  MAIL_NO_ATTACHMENT: "MAIL_NO_ATTACHMENT",
  /** Nothing can be taken before the cash on delivery is paid. */
  MAIL_COD_UNPAID: "MAIL_COD_UNPAID",
  /** No cash on delivery is due (none asked, or paid already). */
  MAIL_COD_NOT_DUE: "MAIL_COD_NOT_DUE",
  MAIL_CANNOT_RETURN: "MAIL_CANNOT_RETURN",
  /** Deleting a mail that still holds gold or attachments. */
  MAIL_CANNOT_DELETE: "MAIL_CANNOT_DELETE",
  /** A grant attachment of a type no grant handler takes. */
  MAIL_GRANT_UNSUPPORTED: "MAIL_GRANT_UNSUPPORTED",
  /** Storefront (issue 11); each maps to a genuine StoreError in STORE_ERROR_BY_ERROR. */
  STORE_OFFER_NOT_FOUND: "STORE_OFFER_NOT_FOUND",
  /** The offer exists but an operator made it unavailable. */
  STORE_OFFER_UNAVAILABLE: "STORE_OFFER_UNAVAILABLE",
  /** The offer has no price in that currency. */
  STORE_CURRENCY_NOT_ACCEPTED: "STORE_CURRENCY_NOT_ACCEPTED",
  /** The price the caller saw is not the server's price now (a promotion started or ended, a stale client); nothing was charged. */
  STORE_PRICE_CHANGED: "STORE_PRICE_CHANGED",
  /** Everything the offer grants (mount, pet, title) is owned already; nothing was charged. */
  STORE_ALREADY_OWNED: "STORE_ALREADY_OWNED",
  /** The offer grants something to a character (gold price, items, a character-bound offer) and none was named. */
  STORE_CHARACTER_REQUIRED: "STORE_CHARACTER_REQUIRED",
  STORE_NOT_GIFTABLE: "STORE_NOT_GIFTABLE",
  /** Not a mutual friend, ignores the sender, or the sender themself. */
  STORE_GIFT_RECIPIENT_INELIGIBLE: "STORE_GIFT_RECIPIENT_INELIGIBLE",
  /** A gift's recipient owns part of it (mount, pet, title) already, or has an unopened gift of it; nothing was charged. */
  STORE_GIFT_ALREADY_OWNED: "STORE_GIFT_ALREADY_OWNED",
  /** A catalog, promotion or daily deal an operator wrote is invalid (details name the field). */
  STORE_CATALOG_INVALID: "STORE_CATALOG_INVALID",
  /** Fewer units left than asked for (issue 12); nothing was charged. `details.stock` is what is left. */
  STORE_OUT_OF_STOCK: "STORE_OUT_OF_STOCK",
  /** The account bought the offer's per-period limit already (`details.period`, `limit`, `bought`); nothing was charged. */
  STORE_PURCHASE_LIMIT: "STORE_PURCHASE_LIMIT",
  /** More units than the offer sells at once (`details.maxQuantity`). */
  STORE_QUANTITY_NOT_ALLOWED: "STORE_QUANTITY_NOT_ALLOWED",
  /** An admin edit named a version other than the current one (`details.currentVersion`); nothing was changed. */
  STORE_VERSION_CONFLICT: "STORE_VERSION_CONFLICT",
  /** No store transaction with this id. */
  STORE_TRANSACTION_NOT_FOUND: "STORE_TRANSACTION_NOT_FOUND",
  /** Promo codes (issue 11). No such code, or it was disabled. */
  PROMO_CODE_NOT_FOUND: "PROMO_CODE_NOT_FOUND",
  PROMO_CODE_NOT_STARTED: "PROMO_CODE_NOT_STARTED",
  PROMO_CODE_EXPIRED: "PROMO_CODE_EXPIRED",
  /** Every use of the code is taken. */
  PROMO_CODE_EXHAUSTED: "PROMO_CODE_EXHAUSTED",
  /** This account redeemed the code before. */
  PROMO_CODE_ALREADY_REDEEMED: "PROMO_CODE_ALREADY_REDEEMED",
  /** Too many failed attempts by this account in the window; try later. */
  PROMO_RATE_LIMITED: "PROMO_RATE_LIMITED",
  /** A code with this text (compared trimmed, case-insensitively) exists already. */
  PROMO_CODE_TAKEN: "PROMO_CODE_TAKEN",
  /** Mounts and pets (issue 14): the character has no such mount, pet, vanity pet or flair (not its account's, not its own). */
  COLLECTIBLE_NOT_OWNED: "COLLECTIBLE_NOT_OWNED",
  /** A flair change the rules refuse; `details.reason` is the genuine PetCustomizeResult name (InvalidSlot...). Nothing was changed. */
  MOUNT_FLAIR_REFUSED: "MOUNT_FLAIR_REFUSED",
  /** A dye, upgrade or trick change the rules refuse; `details.reason` says why (MOUNT_CUSTOMIZATION_REFUSAL). Nothing was changed. */
  MOUNT_CUSTOMIZATION_REFUSED: "MOUNT_CUSTOMIZATION_REFUSED",
  /** A pet nickname that is not 1-20 letters, digits, ' or - with single inner spaces. */
  PET_NICKNAME_INVALID: "PET_NICKNAME_INVALID",
  /** An idempotency key already used for a different request; nothing was changed. */
  IDEMPOTENCY_KEY_REUSED: "IDEMPOTENCY_KEY_REUSED",
  /** The embedded database directory is held by another live process. */
  DIRECTORY_LOCKED: "DIRECTORY_LOCKED",
  /**
   * The embedded database directory is not a directory and cannot be made one (a file is in its
   * place or its path's, or the file system refuses to create it: read-only, no permission, /proc);
   * `details` name the directory, the path at fault and the errno. A setting to change, not an outage.
   */
  DIRECTORY_UNUSABLE: "DIRECTORY_UNUSABLE",
  /** A migration failed now or earlier and blocks the rest until resolved. */
  MIGRATION_FAILED: "MIGRATION_FAILED",
  /** The database could not be reached or opened. */
  CONNECTION_FAILED: "CONNECTION_FAILED",
  /** Anything unexpected from the database; `cause` has the original error. */
  INTERNAL: "INTERNAL",
} as const;

/** Union of the values of {@link DB_ERROR_CODES}. */
export type DbErrorCode = (typeof DB_ERROR_CODES)[keyof typeof DB_ERROR_CODES];

/** Options for constructing a {@link DbError}. */
export interface DbErrorOptions {
  cause?: unknown;
  details?: Record<string, unknown>;
}

/** The only error type `@bezgelor/db` throws on purpose. Switch on `code`. */
export class DbError extends Error {
  override readonly name = "DbError";
  readonly code: DbErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: DbErrorCode, message: string, options: DbErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }
}

/** True when `error` is a {@link DbError}, optionally with the given code. */
export function isDbError(error: unknown, code?: DbErrorCode): error is DbError {
  return error instanceof DbError && (code === undefined || error.code === code);
}

interface PrismaLikeError {
  code?: unknown;
  meta?: {
    target?: unknown;
    driverAdapterError?: { cause?: { kind?: unknown; constraint?: { fields?: unknown; index?: unknown } } };
  };
}

/**
 * What a unique violation names, or undefined if `error` is not one: the columns and/or the
 * index. With driver adapters Prisma leaves `meta.target` empty; the adapter error has them, and
 * adapters differ (PGlite's reports the columns, node-postgres's the index name).
 */
export function uniqueViolationTargets(error: unknown): string[] | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as PrismaLikeError;
  const cause = e.meta?.driverAdapterError?.cause;
  if (e.code !== "P2002" && cause?.kind !== "UniqueConstraintViolation") return undefined;
  const fields = cause?.constraint?.fields ?? e.meta?.target;
  const index = cause?.constraint?.index;
  return [...(Array.isArray(fields) ? fields.map(String) : []), ...(typeof index === "string" ? [index] : [])];
}

/** True when `error` violates the unique index `index` on exactly `columns`. */
export function isUniqueViolation(error: unknown, index: string, columns: string[]): boolean {
  const targets = uniqueViolationTargets(error);
  if (!targets) return false;
  return targets.includes(index) || (columns.length > 0 && columns.every((c) => targets.includes(c)));
}

/**
 * SQLSTATEs saying a text value holds a character the database cannot store: 22021
 * character_not_in_repertoire (NUL, U+0000, which PostgreSQL text never holds: "invalid byte
 * sequence for encoding UTF8: 0x00"), 22P05 untranslatable_character (one the database's
 * encoding has no form for) and 22P02 invalid_text_representation (a JSON column given half of a
 * UTF-16 surrogate pair, "\ud800", which JSON text cannot hold; every other value reaches the
 * database as a typed parameter). The statement failed, so its transaction changed nothing.
 */
const UNSTORABLE_TEXT = new Set(["22021", "22P05", "22P02"]);

/**
 * The SQLSTATE when `error` (or its `cause` chain, up to 8 deep) is a statement refused for text
 * the database cannot store ({@link UNSTORABLE_TEXT}), else undefined. Reads node-postgres's and
 * PGlite's errors (`code`) and Prisma's (the driver adapter's `originalCode`, for model queries
 * and raw ones alike).
 */
export function unstorableTextSqlState(error: unknown): string | undefined {
  for (const e of causeChain(error) as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }[]) {
    for (const code of [e.code, e.meta?.driverAdapterError?.cause?.originalCode]) {
      if (typeof code === "string" && UNSTORABLE_TEXT.has(code)) return code;
    }
  }
  return undefined;
}

/**
 * Wraps anything that is not already a DbError, keeping it as `cause`: an outage (see
 * isDatabaseUnavailable: the connection failed or was lost) as CONNECTION_FAILED with a one-line
 * message naming its SQLSTATE or errno; a statement refused for text the database cannot store (a
 * NUL: {@link unstorableTextSqlState}) as INVALID_INPUT, as the input caused it and nothing was
 * changed; anything else as INTERNAL.
 */
export function toDbError(error: unknown, context: string): DbError {
  if (error instanceof DbError) return error;
  if (isDatabaseUnavailable(error)) {
    // One line for a person (Prisma's own text spans several); the error with its stack is the cause.
    return new DbError(DB_ERROR_CODES.CONNECTION_FAILED, `${context}: the database connection failed or was lost (${outageReason(error)})`, { cause: error });
  }
  const sqlState = unstorableTextSqlState(error);
  if (sqlState !== undefined) {
    return new DbError(
      DB_ERROR_CODES.INVALID_INPUT,
      `${context}: the text holds a character the database cannot store (such as NUL, U+0000, or half of a surrogate pair)`,
      {
        cause: error,
        details: { sqlState },
      },
    );
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new DbError(DB_ERROR_CODES.INTERNAL, `${context}: ${detail}`, { cause: error });
}

/** True for Prisma's "record to update/delete not found" (P2025). */
export function isRecordNotFound(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2025";
}

/** True for a foreign key violation (P2003 or the adapter's kind). */
export function isForeignKeyViolation(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as PrismaLikeError;
  return e.code === "P2003" || e.meta?.driverAdapterError?.cause?.kind === "ForeignKeyConstraintViolation";
}
