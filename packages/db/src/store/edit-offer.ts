// Admin edits of an offer with optimistic concurrency (PlayFab's If-Match, Nakama's object
// version): every edit names the version the admin last saw; the offer's row is locked, a
// different version is refused with the current one and nothing changes, else the edit applies,
// bumps the version, makes the offer the operator's (imports leave it alone) and is logged in
// store_admin_edits with who and when, all in one transaction. An edit that would leave the offer
// as it is (the value it already has) writes nothing: the version is a concurrency token, and
// raising it for no change would make every other admin's view stale for nothing (as the store
// import leaves an unchanged row alone).
import { isDeepStrictEqual } from "node:util";
import type { ActionContext } from "../actions/action.js";
import { formatActor } from "../actions/actor.js";
import { DB_ERROR_CODES, DbError } from "../errors.js";
import type { Prisma } from "../generated/prisma/client";
import { toJsonColumn } from "../json-codec.js";
import { lockOffer, toOfferRecord, type StoreOfferRecord } from "./store-offer-record.js";

/** Throws STORE_VERSION_CONFLICT unless `expected` is `current`. */
export function checkVersion(subject: string, current: number, expected: number): void {
  if (current !== expected) {
    throw new DbError(DB_ERROR_CODES.STORE_VERSION_CONFLICT, `${subject} is at version ${current}, not ${expected}: read it again`, {
      details: { subject, currentVersion: current, expectedVersion: expected },
    });
  }
}

/**
 * An admin edit's subject as it is now, and whether the edit changed it: false when it already
 * had the value asked for (its version kept, no store_admin_edits row, no event).
 */
export type Edited<T> = T & { readonly changed: boolean };

/** One field's change: what the offer had and what it gets (compared deeply: equal is no change). */
export interface OfferChange {
  field: string;
  before: unknown;
  after: unknown;
  data: Prisma.StoreOfferUpdateInput;
}

/**
 * Applies `change(offer)` to the offer at `expectedVersion` (see the file comment) and returns the
 * offer as it is now, with `changed` false when `before` equals `after` (nothing written). Throws
 * DbError STORE_OFFER_NOT_FOUND, STORE_VERSION_CONFLICT (also for an edit that would change
 * nothing: the admin's view is stale either way), or what `change` throws.
 */
export async function editOffer(
  ctx: ActionContext,
  offerId: number,
  expectedVersion: number,
  change: (offer: StoreOfferRecord) => OfferChange,
): Promise<Edited<StoreOfferRecord>> {
  const offer = await lockOffer(ctx.tx, offerId);
  checkVersion(`Offer ${offerId}`, offer.version, expectedVersion);
  const edit = change(offer);
  if (isDeepStrictEqual(edit.before, edit.after)) return { ...offer, changed: false };
  const row = await ctx.tx.storeOffer.update({ where: { id: offerId }, data: { ...edit.data, version: { increment: 1 }, origin: "operator" } });
  await ctx.tx.storeAdminEdit.create({
    data: {
      subject: "offer",
      offerId,
      field: edit.field,
      version: row.version,
      before: toJsonColumn({ value: edit.before }),
      after: toJsonColumn({ value: edit.after }),
      actor: formatActor(ctx.actor),
      createdAt: ctx.now,
    },
  });
  ctx.emit({ kind: "store.catalog-changed", accountId: null, characterId: null, offerId, field: edit.field });
  return { ...toOfferRecord(row), changed: true };
}
