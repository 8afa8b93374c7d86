// Granting what an offer grants, inside the action that paid for it (a purchase, a gift's claim, a
// promo code): mounts and pets into the collection, titles to the account, items into the
// character's inventory, currency packs to the account, each with its own event. All or nothing:
// any failure rolls the whole action back.
import type { StoreOwnership } from "@bezgelor/core";
import type { StoreGrant } from "@bezgelor/data";
import type { ActionContext } from "../actions/action.js";
import { unlockCollectible } from "../collections/unlock-collectible.js";
import type { UnlockSource } from "../collections/collection-record.js";
import { changeBalance } from "../currency/change-currency.js";
import type { LedgerSource } from "../currency/ledger-source.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import { changeItemCount } from "../inventory/change-item-count.js";
import type { Prisma } from "../generated/prisma/client";
import { grantTitle } from "../titles/grant-title.js";

const NOTHING_OWNED: StoreOwnership = Object.freeze({ mounts: new Set<number>(), pets: new Set<number>(), titles: new Set<number>() });

/**
 * What the account (and the character, when given) owns that a grant could duplicate: mounts and
 * pets of the account's or the character's collection, and the account's unexpired titles. Given
 * `grants`, only what they could duplicate is read (items and currency never are owned: an offer
 * of only those reads nothing, a purchase being a hot path); the rest of the answer is empty.
 */
export async function loadOwnership(
  tx: Prisma.TransactionClient,
  accountId: number,
  characterId: number | null,
  now: Date,
  grants?: readonly StoreGrant[],
): Promise<StoreOwnership> {
  const collectibles = grants === undefined || grants.some((g) => g.kind === "mount" || g.kind === "pet");
  const titled = grants === undefined || grants.some((g) => g.kind === "title");
  if (!collectibles && !titled) return NOTHING_OWNED;
  const select = { collectibleType: true, collectibleId: true } as const;
  const account = collectibles ? await tx.accountCollection.findMany({ where: { accountId }, select }) : [];
  const own = collectibles && characterId !== null ? await tx.characterCollection.findMany({ where: { characterId }, select }) : [];
  const titles = titled
    ? await tx.accountTitle.findMany({ where: { accountId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { titleId: true } })
    : [];
  const all = [...account, ...own];
  return {
    mounts: new Set(all.filter((c) => c.collectibleType === "mount").map((c) => c.collectibleId)),
    pets: new Set(all.filter((c) => c.collectibleType === "pet").map((c) => c.collectibleId)),
    titles: new Set(titles.map((t) => t.titleId)),
  };
}

/** Who receives grants and how they are labelled. */
export interface GrantTarget {
  accountId: number;
  /** Needed for items, and for character-bound collectibles. */
  characterId: number | null;
  /** Collectibles to the account (every character) or to `characterId` only. */
  accountWide: boolean;
  unlockSource: Extract<UnlockSource, "purchase" | "gift" | "promo">;
  titleSource: "store" | "promo";
  ledgerSource: LedgerSource;
  /** Ledger reason for currency grants, e.g. "store offer 601". */
  reason: string;
}

/** True when granting these needs a character (items, or collectibles bound to one). */
export function needsCharacter(grants: readonly StoreGrant[], accountWide: boolean): boolean {
  return grants.some((g) => g.kind === "item" || (!accountWide && (g.kind === "mount" || g.kind === "pet")));
}

/** Grants each of `grants` to `to` in the action's transaction. Throws DbError STORE_CHARACTER_REQUIRED, INVENTORY_OVERFLOW, BALANCE_OVERFLOW. */
export async function applyGrants(ctx: ActionContext, grants: readonly StoreGrant[], to: GrantTarget): Promise<void> {
  if (to.characterId === null && needsCharacter(grants, to.accountWide)) {
    throw new DbError(DB_ERROR_CODES.STORE_CHARACTER_REQUIRED, "These grants go to a character and none was named", { details: { accountId: to.accountId } });
  }
  for (const grant of grants) {
    switch (grant.kind) {
      case "mount":
      case "pet":
        await unlockCollectible.within(ctx, {
          scope: to.accountWide ? "account" : "character",
          accountId: to.accountId,
          characterId: to.characterId,
          collectibleType: grant.kind,
          collectibleId: grant.kind === "mount" ? grant.mountId : grant.petId,
          source: to.unlockSource,
        });
        break;
      case "title":
        await grantTitle.within(ctx, { accountId: to.accountId, titleId: grant.titleId, source: to.titleSource, characterId: to.characterId });
        break;
      case "item": {
        const count = await changeItemCount(ctx, { accountId: to.accountId, characterId: to.characterId!, itemId: grant.itemId, delta: grant.count });
        if (count === null) {
          throw new DbError(DB_ERROR_CODES.INVENTORY_OVERFLOW, `Character ${to.characterId} cannot hold ${grant.count} more of item ${grant.itemId}`, {
            details: { characterId: to.characterId, itemId: grant.itemId },
          });
        }
        break;
      }
      case "currency":
        if (grant.amount > 0n)
          await changeBalance(ctx, { currency: grant.currency, accountId: to.accountId, delta: grant.amount, reason: to.reason, source: to.ledgerSource });
        break;
    }
  }
  ctx.step("store.granted");
}
