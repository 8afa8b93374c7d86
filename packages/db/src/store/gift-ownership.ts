// Whether a gift's recipient could ever claim it: the claim (store-gift-grants.ts) refuses a gift
// whose mount, pet or title the recipient owns, so a purchase refuses such a gift before charging,
// and counts as owned what a gift still waiting in the recipient's mailbox will grant. Read under
// the recipient account's lock (purchaseOffer takes it, with the buyer's, in account id order before
// the offer's), which every gift to that account, its own purchases and its gift claims also take:
// whichever runs second sees what the first committed.
import { planGrants, type StoreOwnership } from "@bezgelor/core";
import type { StoreGrant } from "@bezgelor/data";
import type { Prisma } from "../generated/prisma/client";
import { STORE_GIFT_GRANT_TYPE } from "./store-gift-grants.js";
import { loadOwnership } from "./store-grants.js";
import { parseGrantsColumn } from "./store-offer-record.js";

/** A gift's recipient: the character and its account. */
export interface GiftRecipient {
  accountId: number;
  characterId: number;
}

/**
 * What unopened store gifts held by characters of the recipient's account will grant the
 * recipient: a gift to the recipient itself, or an account-wide one to any of the account's
 * characters (a character-bound gift to another character does not collide with a character-bound
 * one, unless `accountWide`). A gift returned to its sender or refunded is not pending.
 */
async function pendingGiftOwnership(tx: Prisma.TransactionClient, to: GiftRecipient, accountWide: boolean): Promise<StoreOwnership> {
  const rows = await tx.$queryRaw<Array<{ grants: unknown; account_wide: boolean; holder: number }>>`SELECT
      "p"."grants", "o"."account_wide", "m"."recipient_character_id" AS "holder"
    FROM "mail" AS "m"
    JOIN "characters" AS "c" ON "c"."id" = "m"."recipient_character_id"
    JOIN "mail_attachments" AS "a" ON "a"."mail_id" = "m"."id" AND "a"."kind" = 'grant' AND "a"."grant"->>'type' = ${STORE_GIFT_GRANT_TYPE}
    JOIN "store_purchases" AS "p" ON "p"."id" = ("a"."grant"->>'purchaseId')::bigint
    JOIN "store_offers" AS "o" ON "o"."id" = "p"."offer_id"
    WHERE "c"."account_id" = ${to.accountId} AND "m"."returned_at" IS NULL AND "p"."is_gift" AND "p"."refunded_at" IS NULL`;
  const mounts = new Set<number>();
  const pets = new Set<number>();
  const titles = new Set<number>();
  for (const row of rows) {
    const collides = accountWide || row.account_wide || Number(row.holder) === to.characterId;
    for (const g of parseGrantsColumn(row.grants)) {
      if (g.kind === "title") titles.add(g.titleId);
      else if (g.kind === "mount" && collides) mounts.add(g.mountId);
      else if (g.kind === "pet" && collides) pets.add(g.petId);
    }
  }
  return { mounts, pets, titles };
}

/**
 * The parts of `grants` (mounts, pets, titles) the recipient owns already (account-wide or on that
 * character, as a purchase for oneself checks) or will own by an unopened gift: a gift with any
 * such part could never be claimed. Empty for grants of only items and currency (nothing read).
 */
export async function giftAlreadyOwned(
  tx: Prisma.TransactionClient,
  to: GiftRecipient,
  accountWide: boolean,
  grants: readonly StoreGrant[],
  now: Date,
): Promise<StoreGrant[]> {
  if (!grants.some((g) => g.kind === "mount" || g.kind === "pet" || g.kind === "title")) return [];
  const owned = await loadOwnership(tx, to.accountId, to.characterId, now, grants);
  const pending = await pendingGiftOwnership(tx, to, accountWide);
  const union: StoreOwnership = {
    mounts: new Set([...owned.mounts, ...pending.mounts]),
    pets: new Set([...owned.pets, ...pending.pets]),
    titles: new Set([...owned.titles, ...pending.titles]),
  };
  return [...planGrants(grants, union).owned];
}
